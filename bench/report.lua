-- Shared by every wrk run of `make bench`: counts responses by status class in each thread,
-- and prints one machine-readable line at the end (latencies in microseconds).

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

n2, n3, n4, n5 = 0, 0, 0, 0

function response(status, headers, body)
   if status < 300 then n2 = n2 + 1
   elseif status < 400 then n3 = n3 + 1
   elseif status < 500 then n4 = n4 + 1
   else n5 = n5 + 1 end
end

function done(summary, latency, requests)
   local c = {n2 = 0, n3 = 0, n4 = 0, n5 = 0}
   for _, t in ipairs(threads) do
      for k, _ in pairs(c) do c[k] = c[k] + t:get(k) end
   end
   local e = summary.errors
   io.write(string.format(
      'WRK {"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
      '"max_us": %d, "s2xx": %d, "s3xx": %d, "s4xx": %d, "s5xx": %d, "socket_errors": %d}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
      latency:percentile(99), latency.max, c.n2, c.n3, c.n4, c.n5,
      e.connect + e.read + e.write + e.timeout))
end
