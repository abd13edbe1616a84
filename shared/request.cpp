#include "shared/request.h"

namespace oneservice {

std::string to_string(Channel channel) {
  switch (channel) {
    case Channel::Kiosk: return "kiosk";
    case Channel::Field: return "field";
    case Channel::Assisted: return "assisted";
    case Channel::Web: return "web";
  }
  return "kiosk";
}

std::optional<Channel> parse_channel(const std::string& text) {
  if (text == "kiosk") return Channel::Kiosk;
  if (text == "field") return Channel::Field;
  if (text == "assisted") return Channel::Assisted;
  if (text == "web") return Channel::Web;
  return std::nullopt;
}

}  // namespace oneservice
