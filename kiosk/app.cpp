#include "kiosk/app.h"

#include <imgui.h>
#include <imgui_internal.h>  // SetNextWindowScroll, public from 1.87 on

#include <algorithm>
#include <string>

#include "kiosk/screens/screens.h"
#include "kiosk/sync_status.h"
#include "kiosk/theme.h"
#include "kiosk/widgets.h"
#include "shared/catalogue_json.h"
#include "sync/outbox.h"

namespace oneservice::kiosk {
namespace {

constexpr float kHeaderHeight = 96.0f;

void draw_header(ui::Context& ui, const std::string& council_name, const std::string& status, float width) {
  ui::WindowScope header("##header", ImVec2(0, 0), ImVec2(width, kHeaderHeight));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(ImVec2(0, 0), ImVec2(width, kHeaderHeight), theme::kHeader);
  draw->AddRectFilled(ImVec2(0, kHeaderHeight - 10), ImVec2(width, kHeaderHeight), theme::kPrimary);
  ui::FontScope font(ui.fonts.heading);
  ImGui::SetCursorPos(ImVec2(32, (kHeaderHeight - 10 - ImGui::GetFontSize()) / 2));
  ui::TextColourScope colour(theme::kHeaderText);
  ImGui::TextUnformatted(council_name.c_str());
  ui.probe.texts.push_back(council_name);
  if (status.empty()) return;
  ui::FontScope small(ui.fonts.body);
  const float status_width = ImGui::CalcTextSize(status.c_str()).x;
  ImGui::SetCursorPos(ImVec2(width - status_width - 32, (kHeaderHeight - 10 - ImGui::GetFontSize()) / 2));
  ImGui::TextUnformatted(status.c_str());
  ui.probe.texts.push_back(status);
}

}  // namespace

App::App(AppSetup setup, const platform::Fonts& fonts) : setup_(std::move(setup)), fonts_(fonts) {
  if (setup_.catalogue) catalogue_ = *setup_.catalogue;
  if (setup_.council_name.empty()) setup_.council_name = "Council services";
  theme::apply();
}

void App::adopt_new_catalogue() {
  // Only on the start page: a resident half-way through keeps the questions
  // they started with (their request records that catalogue's version).
  if (journey_.page != Page::ChooseService || !setup_.sync_status || !setup_.outbox || !catalogue_) return;
  const auto changeset = setup_.sync_status().catalogue_changeset;
  if (changeset.empty() || changeset == catalogue_->changeset) return;
  try {
    const auto text = setup_.outbox->cached_catalogue_json();
    if (!text) return;
    auto fresh = parse_catalogue(*text);
    if (fresh.changeset == changeset) catalogue_ = std::move(fresh);
  } catch (const std::exception&) {
    // Busy store or a catalogue this version cannot read: keep the one in use.
  }
}

void App::watch_inactivity(ui::Context& ui) {
  const auto now = setup_.clock.now();
  const ImGuiIO& io = ImGui::GetIO();
  bool input = io.MouseDown[0] || io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 ||
               !io.InputQueueCharacters.empty();
  for (const bool key : io.KeysDown) input = input || key;
  if (input || journey_.page == Page::ChooseService) inactivity_.touch(now);
  switch (inactivity_.stage(now, inactivity_policy_)) {
    case InactivityStage::Active:
      return;
    case InactivityStage::Clear:
      // Everything the resident entered goes, from memory and screen.
      finish(journey_);
      inactivity_.touch(now);
      frames_requested_ = std::max(frames_requested_, 3);  // show the start page now
      return;
    case InactivityStage::Warning:
      break;
  }
  const ImVec2 display = io.DisplaySize;
  ui::WindowScope overlay("##more-time", ImVec2(0, 0), display, ImGuiWindowFlags_NoBackground, true);
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), display, IM_COL32(11, 12, 12, 235));
  const float width = std::min(theme::kMaxContentWidth, display.x - 64);
  ImGui::SetCursorPos(ImVec2((display.x - width) / 2, display.y / 4));
  ImGui::BeginGroup();
  {
    ui::ChildScope box("##more-time-box", ImVec2(width, display.y / 2), ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::GetWindowDrawList()->AddRectFilled(ImGui::GetWindowPos(),
                                              ImVec2(ImGui::GetWindowPos().x + width,
                                                     ImGui::GetWindowPos().y + display.y / 2),
                                              theme::kBackground);
    ImGui::SetCursorPos(ImVec2(32, 32));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(width - 32);
    ui::heading(ui, "Do you need more time?");
    const long left = inactivity_.seconds_left(now, inactivity_policy_);
    ui::paragraph(ui, "To keep your details private, what you have entered will be cleared in " +
                          std::to_string(left) + (left == 1 ? " second." : " seconds."));
    ImGui::PopTextWrapPos();
    if (ui::primary_button(ui, "Yes, I need more time")) inactivity_.touch(now);
    ImGui::EndGroup();
  }
  ImGui::EndGroup();
}

int App::take_frame_request() {
  const int frames = frames_requested_;
  frames_requested_ = 0;
  return frames;
}

void App::draw_frame() {
  probe_.clear();
  ui::Context ui{fonts_, probe_};
  ui::FontScope body(fonts_.body);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  draw_header(ui, setup_.council_name, setup_.sync_status ? sync_status_text(setup_.sync_status()) : "", display.x);

  // The page: one scrolling column, centred, never wider than reads well.
  ui::WindowScope page("##page", ImVec2(0, kHeaderHeight), ImVec2(display.x, display.y - kHeaderHeight));
  const float column = std::min(theme::kMaxContentWidth, display.x - 64);
  const float margin = (display.x - column) / 2;
  ImGui::SetCursorPos(ImVec2(margin, 40));
  ImGui::BeginGroup();
  ImGui::PushItemWidth(column);
  // A new page starts at its top, whatever the last one was scrolled to,
  // and gets a few frames for its layout (wrapping, scroll range) to settle.
  const std::string page_key = std::to_string(static_cast<int>(journey_.page)) + journey_.question_code;
  if (page_key != shown_page_) {
    // A request has just been queued: the worker need not wait for its timer.
    if (journey_.page == Page::Confirmation && setup_.request_queued) setup_.request_queued();
    shown_page_ = page_key;
    ImGui::SetNextWindowScroll(ImVec2(0, 0));
    frames_requested_ = 3;
  }
  {
    ui::ChildScope content("##column", ImVec2(column, 0), ImGuiWindowFlags_AlwaysUseWindowPadding);
    adopt_new_catalogue();
    if (!setup_.startup_problem.empty() || !catalogue_ || !setup_.outbox) {
      screens::draw_out_of_order(ui, setup_.startup_problem);
    } else {
      JourneyContext rules{*catalogue_, setup_.clock, setup_.channel};
      screens::ScreenContext screen{ui, journey_, rules, *setup_.outbox, setup_.places, setup_.touches};
      switch (journey_.page) {
        case Page::ChooseService: screens::draw_choose_service(screen); break;
        case Page::Question: screens::draw_question(screen); break;
        case Page::Location: screens::draw_location(screen); break;
        case Page::CheckAnswers: screens::draw_check_answers(screen); break;
        case Page::Confirmation: screens::draw_confirmation(screen); break;
      }
    }
    ImGui::Dummy(ImVec2(column, 40));  // room below the last button
  }
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  // Drawn last, so the warning covers the page it is about.
  watch_inactivity(ui);
  // ImGui lays out from the previous frame's sizes (a scrollbar appearing
  // narrows the column and rewraps text), so draw until nothing moves: the
  // idle screen must be the settled one, and taps must land where it shows.
  if (probe_.items != last_layout_) {
    frames_requested_ = std::max(frames_requested_, 1);
    last_layout_ = probe_.items;
  }
}

}  // namespace oneservice::kiosk
