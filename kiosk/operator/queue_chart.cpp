// The last day as hourly bars, drawn with ImDrawList (ImGui 1.86 has only
// PlotHistogram, which cannot label its axes or draw two series): the
// requests made in each hour, and in front the most waiting at once.
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

// A key to the chart's two kinds of bar: a square of the colour and its words.
void key(ui::Context& ui, ImU32 colour, const std::string& words) {
  const float side = ImGui::GetFontSize() * 0.8f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(side, ImGui::GetTextLineHeight()));
  const float top = at.y + (ImGui::GetTextLineHeight() - side) / 2;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, top), ImVec2(at.x + side, top + side), colour);
  ImGui::SameLine(0, 8);
  ImGui::TextUnformatted(words.c_str());
  ui.probe.texts.push_back(words);
}

}  // namespace

void draw_queue_chart(OperatorContext& context, const QueueChart& history, ImVec2 size) {
  auto& ui = context.ui;
  const long hours = static_cast<long>(std::max(history.made.size(), history.peaks.size()));
  ui::paragraph(ui, format(ui.trn("Requests, last {count} hour", "Requests, last {count} hours", hours),
                           {{"count", std::to_string(hours)}}));
  const ImU32 made_colour = theme::palette().primary;
  const ImU32 waiting_colour = theme::palette().border;
  // One line each: side by side, the Welsh runs off the panel.
  key(ui, made_colour, ui.tr("Made in the hour"));
  key(ui, waiting_colour, ui.tr("Most waiting to send"));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float text_height = ImGui::GetFontSize();
  int top = 1;  // one request reaches the top of the scale on a quiet day
  for (const auto* series : {&history.made, &history.peaks})
    if (!series->empty()) top = std::max(top, *std::max_element(series->begin(), series->end()));
  const std::string top_label = std::to_string(top);
  const float axis_width = ImGui::CalcTextSize(top_label.c_str()).x + 12;
  // The plot, leaving room for the scale on the left and the times below.
  const ImVec2 plot_min(origin.x + axis_width, origin.y + text_height / 2);
  const ImVec2 plot_max(origin.x + size.x - 4, origin.y + size.y - text_height - 8);
  const float plot_height = plot_max.y - plot_min.y;

  draw->AddLine(plot_min, ImVec2(plot_max.x, plot_min.y), theme::palette().secondary_active, 2);  // the top of the scale
  label(ui, ImVec2(origin.x, plot_min.y - text_height / 2), top_label);
  label(ui, ImVec2(origin.x, plot_max.y - text_height / 2), "0");
  if (hours > 0) {
    const float slot = (plot_max.x - plot_min.x) / static_cast<float>(hours);
    const auto bar = [&](const std::vector<int>& series, std::size_t hour, float inset, ImU32 colour) {
      if (hour >= series.size() || series[hour] <= 0) return;
      const float height = plot_height * static_cast<float>(series[hour]) / static_cast<float>(top);
      const float left = plot_min.x + slot * static_cast<float>(hour) + inset;
      draw->AddRectFilled(ImVec2(left, plot_max.y - height), ImVec2(left + slot - 2 * inset, plot_max.y), colour);
    };
    // The requests made, and in front, narrower, the most that waited at once.
    for (std::size_t hour = 0; hour < static_cast<std::size_t>(hours); ++hour) {
      bar(history.made, hour, 2, made_colour);
      bar(history.peaks, hour, slot / 3, waiting_colour);
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
