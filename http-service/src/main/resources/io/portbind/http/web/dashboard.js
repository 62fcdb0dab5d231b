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

// Without the stream the cards show the last status received, which may no longer be true: they say
// "unknown" until the next status arrives and renders them afresh.
function markStale() {
  for (const card of document.querySelectorAll("#services .service")) {
    card.dataset.state = "unknown";
    const state = card.querySelector(".state");
    state.dataset.state = "unknown";
    state.textContent = "unknown";
  }
  $("store").dataset.state = "unknown";
  const checked = $("checked-at");
  if (checked.textContent.startsWith("checked ")) {
    checked.textContent = "last " + checked.textContent;
  }
}

function setLive(state, text) {
  $("live").dataset.state = state;
  $("live-text").textContent = text;
}

const RECONNECT_MS = 3000;

function listen() {
  const events = new EventSource("/api/events");
  events.addEventListener("open", () => setLive("live", "live"));
  events.addEventListener("status", (event) => {
    setLive("live", "live");
    renderStatus(JSON.parse(event.data));
  });
  events.addEventListener("error", () => {
    setLive("reconnecting", "reconnecting…");
    markStale();
    // EventSource retries by itself after a dropped connection, but gives up on an error response.
    if (events.readyState === EventSource.CLOSED) {
      setTimeout(listen, RECONNECT_MS);
    }
  });
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

const pretty = (json) => JSON.stringify(json, null, 2);

// Calls the API and reports the outcome: the status line, then the answer (a successful one as
// describe shows it). Returns the parsed answer of a successful call, else null.
async function call(method, url, body, describe = pretty) {
  try {
    const response = await fetch(url, { method, body, headers: { "Accept": "application/json" } });
    const text = await response.text();
    let answer = null;
    try {
      answer = text ? JSON.parse(text) : null;
    } catch (notJson) {
      // Shown as it came.
    }
    const shown = answer === null ? text : response.ok ? describe(answer) : pretty(answer);
    report(response.ok ? "ok" : "error", method + " " + url + " → " + response.status + " " + response.statusText
        + (shown ? "\n" + shown : ""));
    return response.ok ? answer : null;
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

// The listing shown: its prefix and the cursor of its next page, "0" when there is none.
let listing = { prefix: "", cursor: "0" };

async function listKeys(more) {
  const prefix = more ? listing.prefix : $("key").value;
  const cursor = more ? listing.cursor : "0";
  const page = await call("GET", "/api/data?prefix=" + encodeURIComponent(prefix) + "&cursor=" + cursor, undefined,
      (found) => found.keys.length + (found.keys.length === 1 ? " key" : " keys")
          + (found.complete ? ", the last of them" : "; more with the More button"));
  if (!page) {
    return;
  }
  const list = $("keys-found");
  if (!more) {
    list.replaceChildren();
  }
  for (const key of page.keys) {
    const open = element("button", "found", key);
    open.type = "button";
    open.title = "Get this key";
    open.addEventListener("click", () => {
      $("key").value = key;
      guarded(getEntry)();
    });
    const item = element("li");
    item.append(open);
    list.append(item);
  }
  listing = { prefix, cursor: page.cursor };
  $("more").hidden = page.complete;
  $("listing").hidden = false;
}

function wireForm() {
  // Get is the form's submit button, so Enter in a field gets the key; the page itself never navigates.
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    guarded(getEntry)();
  });
  $("put").addEventListener("click", guarded(putEntry));
  $("delete").addEventListener("click", guarded(deleteEntry));
  $("list").addEventListener("click", guarded(() => listKeys(false)));
  $("more").addEventListener("click", guarded(() => listKeys(true)));
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
