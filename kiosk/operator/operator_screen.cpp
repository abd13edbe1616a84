// The operator screen: whether the kiosk is reaching the council, how many
// requests wait, "Send now", the queue over the last day and the way out.
// Counts and times only, never a request's content.
#include <imgui.h>

#include <string>

#include "kiosk/operator/operator.h"

namespace oneservice::kiosk::operator_screens {
namespace {

// "12 minutes ago": needs no time zone, which a kiosk may have set wrong.
std::string time_ago(const ui::Context& ui, const std::string& utc, TimePoint now) {
  const auto then = parse_iso8601(utc);
  if (!then) return ui.tr("never");
  const long minutes = static_cast<long>(std::chrono::duration_cast<std::chrono::minutes>(now - *then).count());
  if (minutes < 1) return ui.tr("just now");
  const auto said = [](std::string pattern, long n) { return format(std::move(pattern), {{"count", std::to_string(n)}}); };
  if (minutes < 120) return said(ui.trn("{count} minute ago", "{count} minutes ago", minutes), minutes);
  if (minutes < 48 * 60) return said(ui.trn("{count} hour ago", "{count} hours ago", minutes / 60), minutes / 60);
  const long days = minutes / (24 * 60);
  return said(ui.trn("{count} day ago", "{count} days ago", days), days);
}

// The chart and the counts of a kiosk with no server come from the outbox,
// read again now and then rather than on every frame.
void refresh(OperatorContext& context) {
  auto& state = context.state;
  if (state.history_read && context.now - *state.history_read < context.policy.history_every) return;
  state.history_read = context.now;
  if (!context.desk.open()) return;
  auto reading = context.desk.read_queue(context.now);
  if (reading.read) {
    state.history = std::move(reading.chart);
    state.counts = reading.counts;
    state.store_problem.clear();
  } else {
    // Busy or unreadable for a moment: keep what was shown, try again later.
    state.store_problem = gettext_noop("The request store could not be read just now.");
  }
}

void draw_sync_state(OperatorContext& context) {
  auto& ui = context.ui;
  auto& state = context.state;
  const auto snapshot = context.desk.sender();
  int queued = 0, sending = 0, attention = 0;
  if (snapshot.configured) {
    ui::paragraph(ui, snapshot.online ? ui.tr("Council server: online") : ui.tr("Council server: offline"));
    if (snapshot.busy) ui::paragraph(ui, ui.tr("Sending now\u2026"));
    queued = snapshot.queued;
    sending = snapshot.sending;
    attention = snapshot.needs_attention;
  } else if (!context.desk.open()) {
    ui::paragraph(ui, ui.tr("Council server: not set up"));
    ui::paragraph(ui, ui.tr("The request store is not open: the kiosk's page says why."));
  } else {
    ui::paragraph(ui, ui.tr("Council server: not set up"));
    queued = state.counts.queued;
    sending = state.counts.sending;
    attention = state.counts.needs_attention;
  }
  if (snapshot.configured || context.desk.open()) {
    ui::paragraph(ui, format(ui.tr("Queued: {count}"), {{"count", std::to_string(queued)}}));
    ui::paragraph(ui, format(ui.tr("Being sent: {count}"), {{"count", std::to_string(sending)}}));
    ui::paragraph(ui, format(ui.tr("Need attention: {count}"), {{"count", std::to_string(attention)}}));
  }
  if (snapshot.configured)
    ui::paragraph(ui, format(ui.tr("Last successful sync: {when}"),
                             {{"when", time_ago(ui, snapshot.last_success, context.now)}}));
  ImGui::Spacing();
  if (context.setup.send_now) {
    if (ui::primary_button(ui, ui.tr("Send now"), "Send now")) {
      context.setup.send_now();
      state.status_message = gettext_noop("Sending started.");
    }
  } else {
    ui::hint(ui, ui.tr("No council server is set up: requests stay on this kiosk."));
  }
  // Both hold msgids, translated as they are shown.
  if (!state.status_message.empty()) ui::paragraph(ui, ui.tr(state.status_message.c_str()));
  if (!state.store_problem.empty()) ui::error_message(ui, ui.tr(state.store_problem.c_str()));
}

}  // namespace

void draw_status(OperatorContext& context) {
  auto& ui = context.ui;
  refresh(context);
  ui::heading(ui, ui.tr("Kiosk operator"));
  const float height = 470;
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
    else ui::hint(ui, ui.tr("The queue's history cannot be shown just now."));
  }
  ImGui::Spacing();
  if (ui::secondary_button(ui, ui.tr("Back to the kiosk"), "Back to the kiosk")) close(context.state);
  ImGui::SameLine(0, 24);
  if (ui::secondary_button(ui, ui.tr("Close the kiosk"), "Close the kiosk") && context.setup.close_kiosk)
    context.setup.close_kiosk();
}

}  // namespace oneservice::kiosk::operator_screens
