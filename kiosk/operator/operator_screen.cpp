// The operator screen: whether the kiosk is reaching the council, how many
// requests wait, "Send now", the queue over the last day and the way out.
// Counts and times only, never a request's content.
#include <imgui.h>

#include <string>

#include "kiosk/operator/operator.h"
#include "sync/outbox.h"

namespace oneservice::kiosk::operator_screens {
namespace {

std::string plural(long n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "12 minutes ago": needs no time zone, which a kiosk may have set wrong.
std::string time_ago(const std::string& utc, TimePoint now) {
  const auto then = parse_iso8601(utc);
  if (!then) return "never";
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(now - *then).count();
  if (minutes < 1) return "just now";
  if (minutes < 120) return plural(minutes, "minute", "minutes") + " ago";
  if (minutes < 48 * 60) return plural(minutes / 60, "hour", "hours") + " ago";
  return plural(minutes / (24 * 60), "day", "days") + " ago";
}

// The chart and the counts of a kiosk with no server come from the outbox,
// read again now and then rather than on every frame.
void refresh(OperatorContext& context) {
  auto& state = context.state;
  if (state.history_read && context.now - *state.history_read < context.policy.history_every) return;
  state.history_read = context.now;
  if (!context.outbox) return;
  try {
    state.history = sync::queue_history(*context.outbox, context.now);
    state.counts = context.outbox->counts();
    state.store_problem.clear();
  } catch (const sync::StoreError&) {
    // Busy or unreadable for a moment: keep what was shown, try again later.
    state.store_problem = "The request store could not be read just now.";
  }
}

void draw_sync_state(OperatorContext& context) {
  auto& ui = context.ui;
  auto& state = context.state;
  const auto snapshot = context.sync_status ? context.sync_status() : sync::SyncSnapshot{};
  int queued = 0, sending = 0, attention = 0;
  if (snapshot.configured) {
    ui::paragraph(ui, snapshot.online ? "Council server: online" : "Council server: offline");
    if (snapshot.busy) ui::paragraph(ui, "Sending now\u2026");
    queued = snapshot.queued;
    sending = snapshot.sending;
    attention = snapshot.needs_attention;
  } else if (!context.outbox) {
    ui::paragraph(ui, "Council server: not set up");
    ui::paragraph(ui, "The request store is not open: the kiosk's page says why.");
  } else {
    ui::paragraph(ui, "Council server: not set up");
    const auto count = [&](sync::RequestState s) {
      const auto found = state.counts.find(s);
      return found == state.counts.end() ? 0 : found->second;
    };
    queued = count(sync::RequestState::Queued);
    sending = count(sync::RequestState::Sending);
    attention = count(sync::RequestState::NeedsAttention);
  }
  if (snapshot.configured || context.outbox) {
    ui::paragraph(ui, "Queued: " + std::to_string(queued));
    ui::paragraph(ui, "Being sent: " + std::to_string(sending));
    ui::paragraph(ui, "Need attention: " + std::to_string(attention));
  }
  if (snapshot.configured) ui::paragraph(ui, "Last successful sync: " + time_ago(snapshot.last_success, context.now));
  ImGui::Spacing();
  if (context.setup.send_now) {
    if (ui::primary_button(ui, "Send now")) {
      context.setup.send_now();
      state.status_message = "Sending started.";
    }
  } else {
    ui::hint(ui, "No council server is set up: requests stay on this kiosk.");
  }
  if (!state.status_message.empty()) ui::paragraph(ui, state.status_message);
  if (!state.store_problem.empty()) ui::error_message(ui, state.store_problem);
}

}  // namespace

void draw_status(OperatorContext& context) {
  auto& ui = context.ui;
  refresh(context);
  ui::heading(ui, "Kiosk operator");
  const float height = 400;
  const float left_width = 400;
  {
    ui::ChildScope left("##operator-state", ImVec2(left_width, height));
    draw_sync_state(context);
  }
  ImGui::SameLine(0, 40);
  {
    const float chart_width = ImGui::GetContentRegionAvail().x;
    ui::ChildScope right("##operator-chart", ImVec2(chart_width, height));
    if (context.state.history) draw_queue_chart(context, *context.state.history, ImVec2(chart_width, 260));
    else ui::hint(ui, "The queue's history cannot be shown just now.");
  }
  ImGui::Spacing();
  if (ui::secondary_button(ui, "Back to the kiosk")) close(context.state);
  ImGui::SameLine(0, 24);
  if (ui::secondary_button(ui, "Close the kiosk") && context.setup.close_kiosk) context.setup.close_kiosk();
}

}  // namespace oneservice::kiosk::operator_screens
