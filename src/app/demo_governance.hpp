// The demo's governance (issue #8): Västra's collaboration team meeting every
// 14 days for the past year with approved minutes and a next meeting planned,
// and the steering group's meetings with minutes. Past meetings are written
// straight to the store (the use case refuses a new meeting in the past).
#pragma once
#include "app/env.hpp"
#include "domain/organisation.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

Status load_demo_governance(Env& env);
// Plan versions 1.0 and 1.1 and the semester activity plan (demo_plan.cpp).
Status load_demo_plan(Env& env, Id programme_id);

}  // namespace stegvis::app
