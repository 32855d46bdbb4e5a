// About 300 invented participants for the Sörmland demo: referrals from the
// programme's start (2023-10-01) up to today through every stage of the path
// (domain.md §3), deterministic from a seed. No real person is meant.
#pragma once
#include <cstdint>

#include "app/env.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

// Needs the demo organisation and staff of load_demo, and the field key.
// Everything is written in one transaction through the stores (a service call
// per event would be one synced transaction each: minutes instead of a
// second). The rules hold by construction: valid and unique personal numbers,
// ages inside the track, allocation within capacity, dates in order and not
// in the future. Each event gets the audit entry its use case writes, in the
// name of the samordnare or the allocated coach/koordinator, stamped with
// the time of loading (the log is never backdated); the records carry their
// historic dates.
Status load_demo_participants(Env& env, std::uint32_t seed = 2023);

}  // namespace stegvis::app
