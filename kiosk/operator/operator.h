#pragma once
// The operator's screens: a PIN pad reached by a long press in the corner,
// then the sync state, "Send now", the queue over the last day and the way
// out of the kiosk. Counts only: nothing a resident entered is shown here.
// State in one plain struct kept by the App; while a screen is open it
// replaces the page.
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "kiosk/operator/corner_press.h"
#include "kiosk/operator/pin_check.h"
#include "kiosk/request_desk.h"
#include "kiosk/widgets.h"
#include "shared/clock.h"

namespace oneservice::kiosk {

// What the kiosk's owner gives the operator screens.
struct OperatorSetup {
  std::string pin;                  // empty: the operator screens cannot be opened
  std::function<void()> send_now;   // empty: no council server to send to
  std::function<void()> close_kiosk;
};

struct OperatorPolicy {
  CornerPressPolicy corner;
  PinPolicy pin;
  std::chrono::seconds close_after{180};  // back to the kiosk without a touch
  std::chrono::seconds history_every{60};  // how often the chart is read again
};

enum class OperatorView { Closed, PinPad, Status };

struct OperatorState {
  OperatorView view = OperatorView::Closed;
  CornerPress corner;
  PinGuard guard;       // outlives the PIN pad: closing it does not reset the tries
  std::string entered;  // digits typed so far, only ever drawn as dots
  std::optional<int> pin_tries_left;  // after a wrong PIN: tries before the wait
  TimePoint last_touch{};
  // Read from the outbox on opening and again after history_every: the
  // chart, and the counts of a kiosk with no server. Counts only.
  std::optional<QueueChart> history;
  WaitingCounts counts;
  std::optional<TimePoint> history_read;
  std::string store_problem;   // the outbox could not be read just now
  std::string status_message;  // "Sending started." after Send now
};

// One frame's view of the operator screens.
struct OperatorContext {
  ui::Context& ui;
  OperatorState& state;
  const OperatorSetup& setup;
  const OperatorPolicy& policy;
  TimePoint now;
  // The sender's state and the store's counts, through the app's desk.
  const RequestDesk& desk;
};

// Called every frame before the page: notices the corner hold (only where
// `at_start`: no resident's request is open) and closes a screen left
// alone. Reads the pointer from ImGui. True while a screen is open.
bool watch_operator(OperatorContext& context, bool at_start);

// Draws the open screen in a window at pos, size (below the header).
void draw_operator(OperatorContext& context, ImVec2 pos, ImVec2 size);

// The frame loop must keep drawing without input: a hold in progress (the
// 3 s are measured on frames) or an open screen (lockout countdown, its
// own timeout).
bool operator_needs_clock_ticks(const OperatorState& state);

// For the screens' own files.
namespace operator_screens {
void draw_pin_pad(OperatorContext& context);
void draw_status(OperatorContext& context);
void draw_queue_chart(OperatorContext& context, const QueueChart& history, ImVec2 size);
void close(OperatorState& state);
}  // namespace operator_screens

}  // namespace oneservice::kiosk
