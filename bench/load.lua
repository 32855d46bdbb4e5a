-- wrk script for the API under load (issue #5): many distinct coaches, each with
-- their own bearer token, doing what a coach does in a day:
--   caseload list 40 %, participant page 30 %, add contact 15 %, add ORS/SRS rating 10 %, due work 5 %.
-- The tokens file comes from `stegvis bench-data --tokens-out FILE`:
--   "role staff_id unit_id token enrolment,enrolment,..." per line.
-- Usage: STEGVIS_BENCH_TOKENS=FILE wrk -t2 -c64 -d30s -s bench/load.lua http://127.0.0.1:PORT
-- Every answer that is not 2xx is counted (response() hook) and printed in done(),
-- with one "load:" line that bench/run.sh reads.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
  table.insert(threads, thread)
end

local coaches = {}
errors, sent = 0, 0
local kinds = {}
local error_kinds = {}
local today = os.date("!%Y-%m-%d")

local function split_ids(s)
  local ids = {}
  for id in s:gmatch("%d+") do ids[#ids + 1] = id end
  return ids
end

function init(args)
  local path = os.getenv("STEGVIS_BENCH_TOKENS") or args[1]
  for line in io.lines(path) do
    local role, _, _, token, ids = line:match("^(%S+) (%d+) (%d+) (%x+) (%S+)$")
    if role == "coach" or role == "koordinator" then
      coaches[#coaches + 1] = { auth = "Bearer " .. token, ids = split_ids(ids) }
    end
  end
  if #coaches == 0 then error("no coaches in " .. tostring(path)) end
  math.randomseed(os.time() + 7919 * thread_no)
  wrk.headers["Content-Type"] = "application/json"
end

local last_kind = "none"
-- STEGVIS_BENCH_ONLY=caseload|participant|contact|rating|tasks sends that kind alone (to profile one route).
-- STEGVIS_BENCH_ONLY=floor sends the cheapest audited read instead, not part of the mix: one
-- enrolment's ratings (sign-in, access check, a few rows, the audit entry committed). bench/run.sh
-- measures it as the ceiling of what any read that writes its audit entry can reach on this machine.
local only = ({ caseload = 1, participant = 41, contact = 71, rating = 86, tasks = 96, floor = 101 })[os.getenv("STEGVIS_BENCH_ONLY") or ""]

local function pick(list) return list[math.random(#list)] end

function request()
  local coach = pick(coaches)
  local headers = { ["Authorization"] = coach.auth, ["Content-Type"] = "application/json" }
  local r = only or math.random(100)
  local method, path, body
  if r > 100 then
    last_kind, method, path = "floor", "GET", "/api/v1/enrolments/" .. pick(coach.ids) .. "/ratings"
  elseif r <= 40 then
    last_kind, method, path = "caseload", "GET", "/api/v1/enrolments?status=active"
  elseif r <= 70 then
    last_kind, method, path = "participant", "GET", "/enrolments/" .. pick(coach.ids)
  elseif r <= 85 then
    last_kind, method, path = "contact", "POST", "/api/v1/enrolments/" .. pick(coach.ids) .. "/contacts"
    body = string.format('{"date":"%s","kind":"phone","minutes":%d,"note":"Samtal om veckan (last)."}',
                         today, 5 * math.random(1, 12))
  elseif r <= 95 then
    last_kind, method, path = "rating", "POST", "/api/v1/enrolments/" .. pick(coach.ids) .. "/ratings"
    local scale = math.random(2) == 1 and "ORS" or "SRS"
    body = string.format('{"date":"%s","scale":"%s","items":[%.1f,%.1f,%.1f,%.1f]}', today, scale,
                         math.random(0, 100) / 10, math.random(0, 100) / 10, math.random(0, 100) / 10,
                         math.random(0, 100) / 10)
  else
    last_kind, method, path = "tasks", "GET", "/api/v1/tasks"
  end
  kinds[last_kind] = (kinds[last_kind] or 0) + 1
  sent = sent + 1
  return wrk.format(method, path, headers, body)
end

-- wrk pipelines nothing here (one request in flight per connection), so the answer
-- belongs to the last request of this connection's thread only approximately; the
-- error count is exact, the kind of a failed request is a best guess.
function response(status, headers, body)
  if status < 200 or status > 299 then
    errors = errors + 1
    local key = last_kind .. " " .. status
    if (error_kinds[key] or 0) < 3 then io.stderr:write(key .. ": " .. string.sub(body or "", 1, 200) .. "\n") end
    error_kinds[key] = (error_kinds[key] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total_errors = 0
  for _, t in ipairs(threads) do total_errors = total_errors + (t:get("errors") or 0) end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "load: requests=%d rps=%.1f non2xx=%d socket_errors=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.requests / seconds, total_errors,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
