-- wrk script: POST requests.json, each with its own Idempotency-Key (a UUID),
-- so every request is a new durable case, as from many devices.
local counter = 0
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_number", next_thread)
end

function init(args)
  api_key = os.getenv("ONESERVICE_BENCH_KEY") or ""
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.body = "api_key=" .. api_key .. "&service_code=pothole&lat=51.2&long=-1.82" ..
             "&attribute%5Broad_or_pavement%5D=road&attribute%5Bpothole_size%5D=about_plate" ..
             "&attribute%5Bdepth_cm%5D=7"
end

function request()
  counter = counter + 1
  -- thread_number is the global set in setup(); wrk.format replaces the
  -- headers rather than adding to them, so the usual ones are copied in.
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Idempotency-Key"] = string.format("%08x-0000-4000-8000-%012x", thread_number, counter)
  return wrk.format(nil, nil, headers)
end

-- Any non-2xx would mean the figure is not of durable creates: say so.
function done(summary, latency, requests)
  if summary.errors.status > 0 then
    io.stderr:write(string.format("non-2xx responses: %d\n", summary.errors.status))
  end
end
