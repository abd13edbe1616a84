#include "kiosk/sync_status.h"

namespace oneservice::kiosk {

std::string sync_status_text(const sync::SyncSnapshot& s) {
  if (!s.configured) return "";
  const int waiting = s.queued + s.sending;
  if (s.busy && waiting > 0) return "Sending to the council…";
  if (!s.online && waiting > 0)
    return "Offline: " + std::to_string(waiting) + (waiting == 1 ? " request" : " requests") + " will be sent later";
  if (!s.online) return "Offline";
  if (waiting > 0) return std::to_string(waiting) + (waiting == 1 ? " request" : " requests") + " waiting to send";
  return "Online";
}

}  // namespace oneservice::kiosk
