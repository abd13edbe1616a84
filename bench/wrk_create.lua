-- wrk script: POST requests.json, each with its own Idempotency-Key (a UUID),
-- so every request is a new durable case, as from many devices.
--
-- By default the body has a web form's fields. With ONESERVICE_BENCH_CATALOGUE
-- set (bench/sync_drain_bench.sh sets it to the demo catalogue's changeset),
-- it has the fields the sync engine sends for the requests that benchmark
-- queues: attribute[client_request_id] equal to the key, the catalogue
-- version and the time the request was made, so the server does the same
-- work for wrk as for the device (about 15% more than for the web form).
local counter = 0
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_number", next_thread)
end

function init(args)
  api_key = os.getenv("ONESERVICE_BENCH_KEY") or ""
  catalogue_version = os.getenv("ONESERVICE_BENCH_CATALOGUE")
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function web_form_body()
  return "api_key=" .. api_key .. "&service_code=pothole&lat=51.2&long=-1.82" ..
         "&attribute%5Broad_or_pavement%5D=road&attribute%5Bpothole_size%5D=about_plate" ..
         "&attribute%5Bdepth_cm%5D=7"
end

-- As sync/open311_wire.cpp's request_form() writes it.
local function device_body(id)
  return "api_key=" .. api_key .. "&service_code=pothole&lat=51.2000000&long=-1.8200000" ..
         "&attribute%5Bdepth_cm%5D=" .. (counter % 90 + 1) ..
         "&attribute%5Bpothole_size%5D=about_plate&attribute%5Broad_or_pavement%5D=road" ..
         "&attribute%5Bclient_request_id%5D=" .. id ..
         "&attribute%5Bcatalogue_version%5D=" .. encode(catalogue_version) ..
         "&attribute%5Bcreated_at%5D=" .. encode(os.date("!%Y-%m-%dT%H:%M:%SZ"))
end

function request()
  counter = counter + 1
  -- thread_number is the global set in setup(); wrk.format replaces the
  -- headers rather than adding to them, so the usual ones are copied in.
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  local id = string.format("%08x-0000-4000-8000-%012x", thread_number, counter)
  headers["Idempotency-Key"] = id
  local body = catalogue_version and device_body(id) or web_form_body()
  return wrk.format(nil, nil, headers, body)
end

-- Any non-2xx would mean the figure is not of durable creates: say so.
function done(summary, latency, requests)
  if summary.errors.status > 0 then
    io.stderr:write(string.format("non-2xx responses: %d\n", summary.errors.status))
  end
end
