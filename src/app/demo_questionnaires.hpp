// The demo's questionnaires and rounds with invented answers (demo_questionnaires.cpp).
#pragma once
#include "app/env.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

Status load_demo_questionnaires(Env& env);

}  // namespace stegvis::app
