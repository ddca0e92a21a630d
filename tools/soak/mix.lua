-- wrk script for `make soak`: a mix of text searches, filtered searches and similar-photo searches against
-- viewfinder serve. Arguments (after `--`): photo uids for the similar-photo requests.
local texts = { "red", "blue", "green+field", "yellow+flower", "dark+night", "a+white+wall", "orange", "purple+sky" }
local filters = { "&favorite=false", "&archived=false", "&order=newest", "&year=2024", "&camera=canon" }
local uids = {}
local counter = 0
local threads = {}
non2xx = 0

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    for _, uid in ipairs(args) do table.insert(uids, uid) end
    counter = math.random(1, 1000)
end

function request()
    counter = counter + 1
    local kind = counter % 3
    local text = texts[(counter % #texts) + 1]
    local path
    if kind == 0 or #uids == 0 then
        path = "/api/v1/photos?q=" .. text .. "&count=20"
    elseif kind == 1 then
        path = "/api/v1/photos?q=" .. text .. filters[(counter % #filters) + 1] .. "&count=20"
    else
        path = "/api/v1/photos/" .. uids[(counter % #uids) + 1] .. "/similar?count=20"
    end
    return wrk.format("GET", path)
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
        if non2xx <= 3 then io.stderr:write("non-2xx " .. status .. ": " .. string.sub(body, 1, 200) .. "\n") end
    end
end

function done(summary, latency, requests)
    local bad = 0
    for _, thread in ipairs(threads) do bad = bad + thread:get("non2xx") end
    local errors = summary.errors
    local seconds = summary.duration / 1e6
    io.write(string.format(
        "SOAK requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
        summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000, bad, errors.connect, errors.read, errors.write,
        errors.timeout))
end
