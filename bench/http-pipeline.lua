-- wrk script: each round trip sends DEPTH requests back to back on one connection (HTTP/1.1
-- pipelining) and waits for all DEPTH responses. Usage: wrk ... -s http-pipeline.lua -- 16
local depth = 16

init = function(args)
  depth = tonumber(args[1]) or depth
  local requests = {}
  for i = 1, depth do
    requests[i] = wrk.format("GET", "/")
  end
  batch = table.concat(requests)
end

request = function()
  return batch
end
