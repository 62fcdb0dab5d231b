// The Portbind dashboard: renders /api/status as it streams in over Server-Sent Events, and drives
// the key form through the JSON API. No framework, no build step; every text goes in by
// textContent, never as markup.
"use strict";

const $ = (id) => document.getElementById(id);

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function renderService(service) {
  const card = element("article", "card service");
  card.id = "service-" + service.name;
  card.dataset.state = service.up ? "up" : "down";

  const title = element("div", "title");
  title.append(element("h3", "", service.name), element("span", "badge", service.protocol));
  const state = element("span", "state", service.up ? "up" : "down");
  state.dataset.state = card.dataset.state;
  title.append(state);

  const rtt = element("p", "rtt");
  if (service.up) {
    rtt.append(String(service.roundTripMs), element("small", "", " ms round trip"));
  } else {
    rtt.append("–", element("small", "", " unreachable"));
  }
  card.append(title, element("p", "address", service.address), rtt, element("p", "detail", service.detail));
  return card;
}

function show(id, value) {
  $(id).textContent = value === undefined || value === null ? "–" : String(value);
}

function renderStatus(status) {
  $("services").replaceChildren(...status.services.map(renderService));
  const store = status.store;
  const card = $("store");
  card.dataset.state = store.reachable && store.keys !== undefined ? "up" : "down";
  show("store-keys", store.keys);
  show("store-clients", store.clients);
  show("store-memory", store.usedMemory);
  show("store-ops", store.opsPerSec);
  if (store.error) {
    $("store-note").textContent = (store.reachable ? "Statistics unavailable: " : "Store down: ") + store.error;
  } else {
    $("store-note").textContent = store.version ? "Redis protocol server, version " + store.version : "";
  }
  $("checked-at").textContent = "checked " + new Date(status.checkedAt).toLocaleTimeString();
}

function setLive(state, text) {
  $("live").dataset.state = state;
  $("live-text").textContent = text;
}

function listen() {
  const events = new EventSource("/api/events");
  events.addEventListener("open", () => setLive("live", "live"));
  events.addEventListener("status", (event) => {
    setLive("live", "live");
    renderStatus(JSON.parse(event.data));
  });
  // EventSource reconnects by itself; say so meanwhile.
  events.addEventListener("error", () => setLive("reconnecting", "reconnecting…"));
}

function keyUrl() {
  const key = $("key").value;
  if (key === "") {
    throw new Error("Enter a key first.");
  }
  return "/api/data/" + encodeURIComponent(key);
}

function report(state, text) {
  const result = $("result");
  result.dataset.state = state;
  result.textContent = text;
}

async function call(method, url, body) {
  try {
    const response = await fetch(url, { method, body, headers: { "Accept": "application/json" } });
    const text = await response.text();
    let shown = text;
    try {
      shown = text ? JSON.stringify(JSON.parse(text), null, 2) : "";
    } catch (notJson) {
      // Shown as it came.
    }
    report(response.ok ? "ok" : "error", method + " " + url + " → " + response.status + " " + response.statusText
        + (shown ? "\n" + shown : ""));
    return response.ok && text ? JSON.parse(text) : null;
  } catch (failure) {
    report("error", method + " " + url + " failed: " + failure.message);
    return null;
  }
}

// Runs an action and reports what it throws; awaited, so that an async action's failure is caught
// here too rather than lost as an unhandled rejection.
function guarded(action) {
  return async () => {
    try {
      await action();
    } catch (problem) {
      report("error", problem.message);
    }
  };
}

async function getEntry() {
  const entry = await call("GET", keyUrl());
  if (entry) {
    $("value").value = entry.value;
  }
}

function putEntry() {
  const ttl = $("ttl").value.trim();
  return call("PUT", keyUrl() + (ttl ? "?ttl=" + encodeURIComponent(ttl) : ""), $("value").value);
}

function deleteEntry() {
  return call("DELETE", keyUrl());
}

function wireForm() {
  // Get is the form's submit button, so Enter in a field gets the key; the page itself never navigates.
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    guarded(getEntry)();
  });
  $("put").addEventListener("click", guarded(putEntry));
  $("delete").addEventListener("click", guarded(deleteEntry));
  $("list").addEventListener("click", () => call("GET", "/api/data?prefix=" + encodeURIComponent($("key").value)));
}

async function firstLook() {
  try {
    const response = await fetch("/api/status");
    if (response.ok) {
      renderStatus(await response.json());
    }
  } catch (offline) {
    setLive("reconnecting", "service unreachable");
  }
}

wireForm();
firstLook();
listen();
