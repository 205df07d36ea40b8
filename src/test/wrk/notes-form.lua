-- POST a note through the HTML form, no cookie (a new author each time), spread over paragraphs
local blocks = {}
local n = 0
init = function(args)
  for i, b in ipairs(args) do blocks[#blocks+1] = b end
end
request = function()
  n = n + 1
  local b = blocks[(n % #blocks) + 1]
  local body = "body=Load+note+" .. n .. "+written+by+wrk%2C+a+little+text+to+look+like+a+note.&authorName=wrk"
  return wrk.format("POST", "/articles/stability-a-rare-strategic-resource/p/" .. b .. "/notes",
    {["Content-Type"]="application/x-www-form-urlencoded", ["Accept"]="text/html"}, body)
end
local codes = {}
response = function(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx/3xx: %d; p50 %.1f ms p99 %.1f ms\n", summary.errors.status, latency:percentile(50)/1000, latency:percentile(99)/1000))
end
