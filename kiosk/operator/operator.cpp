// The operator screens' frame: how they open, close and take the page.
#include <imgui.h>

#include <algorithm>

#include "kiosk/operator/operator.h"
#include "kiosk/theme.h"

namespace oneservice::kiosk {

namespace operator_screens {

void close(OperatorState& state) {
  state.view = OperatorView::Closed;
  state.entered.clear();
  state.pin_tries_left.reset();
  state.status_message.clear();
  state.store_problem.clear();
  state.history.reset();
  state.history_read.reset();
}

}  // namespace operator_screens

bool watch_operator(OperatorContext& context, bool at_start) {
  auto& state = context.state;
  const ImGuiIO& io = ImGui::GetIO();
  const bool down = io.MouseDown[0];
  if (state.view == OperatorView::Closed) {
    // With no PIN set there is no way in, so nothing to watch for.
    if (context.setup.pin.empty()) return false;
    if (state.corner.update(down && at_start, io.MousePos.x, io.MousePos.y, context.now, context.policy.corner)) {
      state.view = OperatorView::PinPad;
      state.entered.clear();
      state.pin_tries_left.reset();
      state.last_touch = context.now;
    }
    return state.view != OperatorView::Closed;
  }
  if (down || io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0) state.last_touch = context.now;
  if (context.now - state.last_touch >= context.policy.close_after) operator_screens::close(state);
  return state.view != OperatorView::Closed;
}

void draw_operator(OperatorContext& context, ImVec2 pos, ImVec2 size) {
  ui::WindowScope page("##operator", pos, size);
  const float column = std::min(theme::kMaxContentWidth, size.x - 64);
  ImGui::SetCursorPos(ImVec2((size.x - column) / 2, 32));
  ui::ChildScope content("##operator-column", ImVec2(column, 0), ImGuiWindowFlags_AlwaysUseWindowPadding);
  switch (context.state.view) {
    case OperatorView::PinPad: operator_screens::draw_pin_pad(context); break;
    case OperatorView::Status: operator_screens::draw_status(context); break;
    case OperatorView::Closed: break;
  }
}

bool operator_needs_clock_ticks(const OperatorState& state) {
  return state.view != OperatorView::Closed || state.corner.holding();
}

}  // namespace oneservice::kiosk
