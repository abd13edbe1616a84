#pragma once
// A record of every control drawn in the last frame and where: what a
// person could touch. Headless tests find the button to tap by its label
// (as a person reads the screen), and check target sizes, without ImGui's
// test engine (it needs ImGui 1.89; Debian ships 1.86).
#include <string>
#include <vector>

namespace oneservice::kiosk {

struct ProbeItem {
  std::string label;  // the words on the control, or "field:<code>" for inputs
  float x = 0, y = 0, width = 0, height = 0;

  bool operator==(const ProbeItem&) const = default;

  float centre_x() const { return x + width / 2; }
  float centre_y() const { return y + height / 2; }
};

struct UiProbe {
  std::vector<ProbeItem> items;
  std::vector<std::string> texts;  // every line of text drawn, for assertions

  void clear() {
    items.clear();
    texts.clear();
  }
  const ProbeItem* find(const std::string& label) const {
    for (const auto& item : items)
      if (item.label == label) return &item;
    return nullptr;
  }
  bool shows_text(const std::string& fragment) const {
    for (const auto& text : texts)
      if (text.find(fragment) != std::string::npos) return true;
    return false;
  }
};

}  // namespace oneservice::kiosk
