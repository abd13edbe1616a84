// The PIN pad: large keys, the digits shown only as dots, and a wait after
// too many wrong PINs.
#include <imgui.h>

#include <array>
#include <string>

#include "kiosk/operator/operator.h"
#include "kiosk/theme.h"

namespace oneservice::kiosk::operator_screens {
namespace {

const ImVec2 kKey(130, 96);
constexpr float kGap = 12;

void unlock(OperatorContext& context) {
  auto& state = context.state;
  const auto result = state.guard.check(state.entered, context.setup.pin, context.now, context.policy.pin);
  state.entered.clear();
  state.pin_tries_left.reset();
  switch (result) {
    case PinResult::Accepted:
      state.view = OperatorView::Status;
      state.history_read.reset();  // read afresh for this visit
      break;
    case PinResult::Refused: {
      const int left = context.policy.pin.tries - state.guard.failures;
      // Kept as a count; worded when shown, in the language of the moment.
      state.pin_tries_left = left;
      break;
    }
    case PinResult::LockedOut:
      break;  // the wait is shown while it lasts
  }
}

// The digits typed, as dots in a box the size of a long PIN.
void draw_entry(ui::Context& ui, std::size_t digits) {
  const std::string dots = [&] {
    std::string out;
    for (std::size_t i = 0; i < digits; ++i) out += "\u2022";
    return out;
  }();
  ui::FontScope font(ui.fonts.heading);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 size(std::min(ImGui::GetContentRegionAvail().x, 380.0f), ImGui::GetFontSize() + 32);
  ImGui::Dummy(size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRect(min, ImVec2(min.x + size.x, min.y + size.y), theme::palette().border, 0, 0, 3);
  draw->AddText(ImVec2(min.x + 20, min.y + 16), theme::palette().text, dots.c_str());
  ui.probe.texts.push_back("PIN entry: " + dots);
}

// Keys placed on an exact grid: the theme's item spacing is for pages.
void draw_keypad(OperatorContext& context) {
  auto& state = context.state;
  static constexpr std::array<const char*, 12> kKeys = {"1", "2", "3", "4", "5", "6",
                                                         "7", "8", "9", "Clear", "0", "Unlock"};
  for (std::size_t i = 0; i < kKeys.size(); ++i) {
    const float column = static_cast<float>(i % 3), row = static_cast<float>(i / 3);
    ImGui::SetCursorPos(ImVec2(column * (kKey.x + kGap), row * (kKey.y + kGap)));
    const std::string key = kKeys[i];
    if (key == "Clear") {
      if (ui::key_button(context.ui, context.ui.tr("Clear"), key, kKey)) state.entered.clear();
    } else if (key == "Unlock") {
      if (ui::key_button(context.ui, context.ui.tr("Unlock"), key, kKey, true)) unlock(context);
    } else if (ui::key_button(context.ui, key, "pin:" + key, kKey) && state.entered.size() < kMaxPinLength) {
      state.entered += key;
    }
  }
}

}  // namespace

void draw_pin_pad(OperatorContext& context) {
  auto& ui = context.ui;
  auto& state = context.state;
  const float keypad_width = kKey.x * 3 + kGap * 2;
  const float height = kKey.y * 4 + kGap * 3;
  const float left_width = ImGui::GetContentRegionAvail().x - keypad_width - 40;
  const bool locked = state.guard.locked(context.now);
  {
    ui::ChildScope left("##pin-left", ImVec2(left_width, height));
    ui::heading(ui, ui.tr("Enter the operator PIN"));
    ui::hint(ui, ui.tr("For staff looking after this kiosk."));
    ImGui::Spacing();
    if (locked) {
      const long seconds = state.guard.seconds_locked(context.now);
      ui::error_message(ui, format(ui.trn("Too many wrong PINs. Try again in {count} second.",
                                          "Too many wrong PINs. Try again in {count} seconds.", seconds),
                                   {{"count", std::to_string(seconds)}}));
    } else {
      draw_entry(ui, state.entered.size());
      if (state.pin_tries_left)
        ui::error_message(ui, format(ui.trn("That PIN is not right. {count} more try before a wait.",
                                            "That PIN is not right. {count} more tries before a wait.",
                                            *state.pin_tries_left),
                                     {{"count", std::to_string(*state.pin_tries_left)}}));
    }
    ImGui::Spacing();
    if (ui::secondary_button(ui, ui.tr("Cancel"), "Cancel")) close(state);
  }
  if (locked || state.view != OperatorView::PinPad) return;
  ImGui::SameLine(0, 40);
  ui::ChildScope right("##pin-keys", ImVec2(keypad_width, height));
  draw_keypad(context);
}

}  // namespace oneservice::kiosk::operator_screens
