#pragma once
// How the resident has asked to see and hear the kiosk. Chosen per visit:
// finishing (or leaving the kiosk alone) puts them back, so the next person
// starts from the same place whatever the last one chose.
#include <string>

namespace oneservice::kiosk {

enum class TextSize { Standard, Large, Largest };  // 100%, 150%, 200%

inline float text_scale(TextSize size) {
  switch (size) {
    case TextSize::Large: return 1.5f;
    case TextSize::Largest: return 2.0f;
    case TextSize::Standard: break;
  }
  return 1.0f;
}

struct Preferences {
  std::string language = "en";  // "en" or "cy"
  TextSize text_size = TextSize::Standard;
  bool high_contrast = false;

  bool operator==(const Preferences&) const = default;
};

}  // namespace oneservice::kiosk
