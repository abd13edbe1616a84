// The queue over the last day as hourly bars, drawn with ImDrawList (ImGui
// 1.86 has only PlotHistogram, which cannot label its axes).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "kiosk/operator/operator.h"
#include "kiosk/theme.h"

namespace oneservice::kiosk::operator_screens {
namespace {

void label(ui::Context& ui, ImVec2 at, const std::string& text) {
  ImGui::GetWindowDrawList()->AddText(at, theme::palette().text, text.c_str());
  ui.probe.texts.push_back(text);
}

}  // namespace

void draw_queue_chart(OperatorContext& context, const QueueChart& history, ImVec2 size) {
  auto& ui = context.ui;
  const long hours = static_cast<long>(history.peaks.size());
  ui::paragraph(ui, format(ui.trn("Requests waiting, last {count} hour", "Requests waiting, last {count} hours", hours),
                           {{"count", std::to_string(hours)}}));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float text_height = ImGui::GetFontSize();
  const int top = std::max(1, history.peaks.empty() ? 0 : *std::max_element(history.peaks.begin(), history.peaks.end()));
  const std::string top_label = std::to_string(top);
  const float axis_width = ImGui::CalcTextSize(top_label.c_str()).x + 12;
  // The plot, leaving room for the scale on the left and the times below.
  const ImVec2 plot_min(origin.x + axis_width, origin.y + text_height / 2);
  const ImVec2 plot_max(origin.x + size.x - 4, origin.y + size.y - text_height - 8);
  const float plot_height = plot_max.y - plot_min.y;

  draw->AddLine(plot_min, ImVec2(plot_max.x, plot_min.y), theme::palette().secondary_active, 2);  // the top of the scale
  label(ui, ImVec2(origin.x, plot_min.y - text_height / 2), top_label);
  label(ui, ImVec2(origin.x, plot_max.y - text_height / 2), "0");
  if (!history.peaks.empty()) {
    const float slot = (plot_max.x - plot_min.x) / static_cast<float>(history.peaks.size());
    for (std::size_t hour = 0; hour < history.peaks.size(); ++hour) {
      const float height = plot_height * static_cast<float>(history.peaks[hour]) / static_cast<float>(top);
      const float left = plot_min.x + slot * static_cast<float>(hour) + 2;
      draw->AddRectFilled(ImVec2(left, plot_max.y - height), ImVec2(left + slot - 4, plot_max.y), theme::palette().primary);
    }
  }
  draw->AddLine(ImVec2(plot_min.x, plot_min.y), ImVec2(plot_min.x, plot_max.y), theme::palette().border, 2);
  draw->AddLine(ImVec2(plot_min.x, plot_max.y), plot_max, theme::palette().border, 2);
  const std::string oldest = format(ui.trn("{count} hour ago", "{count} hours ago", hours), {{"count", std::to_string(hours)}});
  label(ui, ImVec2(plot_min.x, plot_max.y + 6), oldest);
  const std::string now = ui.tr("Now");
  label(ui, ImVec2(plot_max.x - ImGui::CalcTextSize(now.c_str()).x, plot_max.y + 6), now);
  ui::paragraph(ui, format(ui.tr("Waiting now: {count}"), {{"count", std::to_string(history.waiting_now)}}));
}

}  // namespace oneservice::kiosk::operator_screens
