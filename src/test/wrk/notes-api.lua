-- POST a W3C annotation to the API container, no Authorization (a new author each time), spread over paragraphs
-- arguments: the base URL as the server sees it (for the target's source), then paragraph ids
local blocks = {}
local n = 0
local source = ""
init = function(args)
  source = args[1]
  for i, b in ipairs(args) do if i > 1 then blocks[#blocks+1] = b end end
end
request = function()
  n = n + 1
  local b = blocks[(n % #blocks) + 1]
  local body = '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": "commenting", '
    .. '"body": {"type": "TextualBody", "value": "API load note ' .. n .. ', a little text to look like a note.", "format": "text/markdown"}, '
    .. '"target": {"source": "' .. source .. '/articles/stability-a-rare-strategic-resource", "selector": {"type": "FragmentSelector", "value": "' .. b .. '", '
    .. '"conformsTo": "http://tools.ietf.org/rfc/rfc3986"}}}'
  return wrk.format("POST", "/api/articles/stability-a-rare-strategic-resource/annotations/",
    {["Content-Type"]='application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', ["Accept"]="application/ld+json"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx/3xx: %d; p50 %.1f ms p99 %.1f ms\n", summary.errors.status, latency:percentile(50)/1000, latency:percentile(99)/1000))
end
