// The Sörmland demo: "Sikta mot arbetslivet" with its three units, nine
// municipalities, staff per municipality and the fixed demo accounts.
#pragma once
#include "app/env.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

constexpr const char* kDemoPassword = "demo-stegvis";

// Loads into an empty database; refuses (conflict) when it already holds an organisation.
Status load_demo(Env& env);

// The usernames that load_demo creates, for serve's refusal on public addresses.
const std::vector<std::string>& demo_usernames();

}  // namespace stegvis::app
