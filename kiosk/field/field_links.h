#pragma once
// Field mode's desk connected to the tablet's real store and sync engine
// (sync/): the one place the field shell meets sync/'s types. kiosk/main.cpp
// and the field tests both connect through here.
#include <optional>
#include <string>

#include "kiosk/field/field_desk.h"
#include "shared/catalogue.h"

namespace oneservice::sync {
class Outbox;
class SyncEngine;
struct ServerConfig;
}  // namespace oneservice::sync

namespace oneservice::kiosk::field {

struct SyncParts {
  sync::Outbox& outbox;                        // the app's own connection (the UI thread's)
  std::string data_dir;                        // sign-in opens a connection of its own here (it runs off the UI thread)
  const sync::ServerConfig* server = nullptr;  // null: no council server, PIN sign-in only
  const Catalogue* catalogue = nullptr;        // drafts are judged against it
  sync::SyncEngine* engine = nullptr;          // null: nothing is sent from here
};

// Every link the store and engine can serve; the GPS is connected apart.
FieldLinks sync_links(const SyncParts& parts);

}  // namespace oneservice::kiosk::field
