#include "kiosk/sync_status.h"

#include <string>

namespace oneservice::kiosk {

std::string sync_status_text(const SenderStatus& s, const Translator& t) {
  if (!s.configured) return "";
  const int waiting = s.queued + s.sending;
  const auto count = std::to_string(waiting);
  if (s.busy && waiting > 0) return t.tr("Sending to the council…");
  if (!s.online && waiting > 0)
    return format(t.trn("Offline: {count} request will be sent later", "Offline: {count} requests will be sent later",
                        waiting),
                  {{"count", count}});
  if (!s.online) return t.tr("Offline");
  if (waiting > 0)
    return format(t.trn("{count} request waiting to send", "{count} requests waiting to send", waiting),
                  {{"count", count}});
  return t.tr("Online");
}

}  // namespace oneservice::kiosk
