#include "receipt/paper.h"

namespace oneservice::receipt {

std::optional<Paper> paper_from_setting(std::string_view setting) {
  if (setting == "a4") return Paper::A4;
  if (setting == "roll-80mm") return Paper::Roll80mm;
  return std::nullopt;
}

}  // namespace oneservice::receipt
