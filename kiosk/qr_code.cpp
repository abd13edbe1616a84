#include "kiosk/qr_code.h"

#include <algorithm>
#include <cmath>

#include "shared/url_encoding.h"

namespace oneservice::kiosk {

std::string tracking_url(const std::string& url_template, const std::string& reference) {
  static const std::string kPlaceholder = "{reference}";
  const std::string encoded = url_encode(reference);
  std::string url;
  std::size_t from = 0;
  for (std::size_t at; (at = url_template.find(kPlaceholder, from)) != std::string::npos;
       from = at + kPlaceholder.size())
    url.append(url_template, from, at - from).append(encoded);
  return url.append(url_template, from);
}

}  // namespace oneservice::kiosk

namespace oneservice::kiosk::ui {

void qr_code(Context& ui, const QrMatrix& m, float module_px, const std::string& probe_label) {
  // Whole pixels only: a module edge that falls between pixels is blended
  // grey, and grey seams between modules are what makes phones fail a scan.
  const float module = std::max(1.0f, std::floor(module_px));
  const float side = static_cast<float>(m.size + 2 * kQrQuietZone) * module;
  ImGui::Dummy(ImVec2(side, side));
  const ImVec2 item = ImGui::GetItemRectMin();
  const ImVec2 min(std::floor(item.x), std::floor(item.y));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Black on white whatever the theme: readers expect dark modules on light.
  draw->AddRectFilled(min, ImVec2(min.x + side, min.y + side), IM_COL32_WHITE);
  const auto corner = [&](int x, int y) {
    return ImVec2(min.x + static_cast<float>(x + kQrQuietZone) * module,
                  min.y + static_cast<float>(y + kQrQuietZone) * module);
  };
  // One rectangle per horizontal run of dark modules rather than per
  // module: a large symbol would otherwise be thousands of rectangles.
  for (int y = 0; y < m.size; ++y) {
    for (int x = 0; x < m.size;) {
      if (!m.at(x, y)) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < m.size && m.at(x, y)) ++x;
      draw->AddRectFilled(corner(start, y), corner(x, y + 1), IM_COL32_BLACK);
    }
  }
  ui.probe.items.push_back({probe_label, min.x, min.y, side, side});
}

}  // namespace oneservice::kiosk::ui
