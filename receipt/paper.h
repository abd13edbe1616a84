#pragma once
// The paper a hub's printer takes: an office printer's A4 sheet, or a
// receipt printer's 80 mm roll (72 mm printable, cut to the receipt's
// length). The setting's words are the ones the device's settings file uses.
#include <optional>
#include <string_view>

namespace oneservice::receipt {

enum class Paper { A4, Roll80mm };

// "a4" or "roll-80mm"; nullopt for anything else.
std::optional<Paper> paper_from_setting(std::string_view setting);

}  // namespace oneservice::receipt
