-- wrk script for every target of src/bench/run: counts each response whose status is not the expected one
-- (EXPECT, default 200) as an error, adds wrk's socket errors, and prints one machine-readable line at the end.
-- POST_BODIES (optional): a file of request bodies, one a line; each request sends one of them, in turn.

local expect = tonumber(os.getenv("EXPECT") or "200")
local threads = {}
bad = 0  -- a global: done() reads it from each thread with thread:get
local bodies = nil
local next_body = 0

local body_file = os.getenv("POST_BODIES")
if body_file and body_file ~= "" then
  bodies = {}
  for line in io.lines(body_file) do
    bodies[#bodies + 1] = line
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/ld+json"
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  next_body = math.random(0, 1000)
end

if bodies then
  request = function()
    next_body = next_body + 1
    return wrk.format(nil, nil, nil, bodies[(next_body % #bodies) + 1])
  end
end

function response(status, headers, body)
  if status ~= expect then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local unexpected = 0
  for _, thread in ipairs(threads) do
    unexpected = unexpected + thread:get("bad")
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format("BENCH requests=%d seconds=%.3f rps=%.1f p50_us=%d p99_us=%d socket_errors=%d unexpected_status=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), socket, unexpected))
end
