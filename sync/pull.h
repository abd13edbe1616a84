#pragma once
// Brings the council's side back to the device: the catalogue (only when
// discovery's changeset says it changed) and the status updates of this
// device's requests (since the last cursor), into the outbox's caches, so
// the kiosk serves and answers "what happened to my request" offline.
#include <memory>
#include <string>

#include "shared/catalogue.h"
#include "shared/clock.h"
#include "sync/net/http_transport.h"
#include "sync/outbox.h"
#include "sync/server_config.h"

namespace oneservice::sync {

struct CataloguePull {
  bool changed = false;
  std::string changeset;  // the council's current one
  std::shared_ptr<const Catalogue> catalogue;  // set when changed: parsed, as cached
  std::string error;      // empty when the pull worked (changed or not)
};

struct UpdatesPull {
  int received = 0;  // new updates stored
  std::string error;
};

class Puller {
 public:
  Puller(Outbox& outbox, ServerConfig server, net::TransportOptions transport = {}, Clock clock = {});

  // discovery.json's changeset against the cached one; when it differs,
  // services.json (with If-None-Match) and every definition, assembled into
  // one catalogue document, checked with the shared parser, and cached in
  // one transaction. A catalogue that does not parse is not cached.
  CataloguePull pull_catalogue();

  // servicerequestupdates.json for this device's accepted requests since the
  // cursor; the cursor moves only when the updates are stored.
  UpdatesPull pull_updates();

 private:
  Outbox& outbox_;
  ServerConfig server_;
  Clock clock_;
  net::HttpTransport transport_;
};

}  // namespace oneservice::sync
