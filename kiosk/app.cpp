#include "kiosk/app.h"

#include <imgui.h>
#include <imgui_internal.h>  // SetNextWindowScroll, public from 1.87 on

#include <algorithm>
#include <cstdio>
#include <string>

#include "kiosk/screens/screens.h"
#include "kiosk/sync_status.h"
#include "kiosk/theme.h"
#include "kiosk/widgets.h"
#include "kiosk/catalogue_translation.h"

namespace oneservice::kiosk {
namespace {

// The header grows with the text size: its words must never be cut off.
float header_height() { return ImGui::GetFontSize() + 66.0f; }

void draw_header(ui::Context& ui, const std::string& council_name, const std::string& status, float width,
                 ImTextureID logo, float logo_aspect) {
  const float height = header_height();
  ui::WindowScope header("##header", ImVec2(0, 0), ImVec2(width, height));
  const auto& colours = theme::palette();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(ImVec2(0, 0), ImVec2(width, height), colours.header);
  draw->AddRectFilled(ImVec2(0, height - 10), ImVec2(width, height), colours.primary);
  ui::TextColourScope colour(colours.header_text);
  float name_x = 32;
  if (logo) {  // as tall as the words, and never wider than a square and a half
    const float logo_height = std::min(ImGui::GetFontSize() + 24, height - 22);
    const float logo_width = logo_height * std::min(logo_aspect, 1.5f);
    ImGui::SetCursorPos(ImVec2(32, (height - 10 - logo_height) / 2));
    ImGui::Image(logo, ImVec2(logo_width, logo_height));
    name_x += logo_width + 20;
  }
  ImGui::SetCursorPos(ImVec2(name_x, (height - 10 - ImGui::GetFontSize()) / 2));
  ImGui::TextUnformatted(council_name.c_str());
  ui.probe.texts.push_back(council_name);
  // The sync line is for staff; it gives way when the name needs the room.
  const float status_width = ImGui::CalcTextSize(status.c_str()).x;
  if (status.empty() || name_x + ImGui::CalcTextSize(council_name.c_str()).x + status_width + 64 > width) return;
  ImGui::SetCursorPos(ImVec2(width - status_width - 32, (height - 10 - ImGui::GetFontSize()) / 2));
  ImGui::TextUnformatted(status.c_str());
  ui.probe.texts.push_back(status);
}

// Buttons laid out left to right, moving to a new line when the next one
// would not fit (at 200% text the toolbar takes two or three lines).
class Flow {
 public:
  explicit Flow(float width) : width_(width), start_x_(ImGui::GetCursorPosX()) {}
  // Places the next item, `padding` wider than its words.
  void next(const std::string& label, float padding = 64) {
    const float needed = ImGui::CalcTextSize(label.c_str()).x + padding;
    if (used_ > 0 && used_ + needed > width_) used_ = 0;
    else if (used_ > 0) ImGui::SameLine(start_x_ + used_);
    used_ += needed + ImGui::GetStyle().ItemSpacing.x;
  }

 private:
  float width_, start_x_, used_ = 0;
};

}  // namespace

App::App(AppSetup setup, const platform::Fonts& fonts)
    : setup_(std::move(setup)), desk_(setup_.desk, setup_.clock), fonts_(fonts) {
  if (setup_.catalogue) catalogue_ = *setup_.catalogue;
  if (setup_.council_name.empty()) setup_.council_name = "Council services";
  if (setup_.speaker) read_aloud_.emplace(*setup_.speaker);
  if (setup_.mode == AppMode::Field) field_ = std::make_unique<field::FieldShell>(std::move(setup_.field), setup_.clock);
  theme::use_high_contrast(false);
  theme::apply();
}

void App::apply_preferences() {
  if (!field_ && journey_.page == Page::Attract) preferences_ = Preferences{};
  theme::use_high_contrast(preferences_.high_contrast);
}

void App::draw_toolbar(ui::Context& ui) {
  if (journey_.page == Page::Attract || journey_.page == Page::Language) return;
  static const std::pair<TextSize, const char*> sizes[] = {
      {TextSize::Standard, "100%"}, {TextSize::Large, "150%"}, {TextSize::Largest, "200%"}};
  Flow flow(ImGui::GetContentRegionAvail().x);
  if (read_aloud_ && read_aloud_->available()) {
    const std::string label = read_aloud_->speaking() ? ui.tr("Stop reading") : ui.tr("Read this page aloud");
    flow.next(label);
    // Reads what the page showed last frame: the same page, as the button
    // is on it and pages do not change while it is pressed.
    if (ui::secondary_button(ui, label, "Read aloud")) read_aloud_->toggle(speech_text(page_lines_), preferences_.language);
  }
  const std::string text_size = ui.tr("Text size");
  flow.next(text_size, 0);
  ImGui::AlignTextToFramePadding();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 8);
  ImGui::TextUnformatted(text_size.c_str());
  ui.probe.texts.push_back(text_size);
  for (const auto& [size, label] : sizes) {
    flow.next(label);
    const std::string probe_label = std::string("Text size ") + label;
    if (preferences_.text_size == size ? ui::primary_button(ui, label, probe_label)
                                       : ui::secondary_button(ui, label, probe_label))
      preferences_.text_size = size;
  }
  const std::string contrast = preferences_.high_contrast ? ui.tr("Standard colours") : ui.tr("High contrast");
  flow.next(contrast);
  if (ui::secondary_button(ui, contrast, "High contrast")) preferences_.high_contrast = !preferences_.high_contrast;
  // The other language, named in itself so anyone can find theirs.
  const auto& languages = setup_.settings.languages;
  if (languages.size() > 1) {
    const std::string other = preferences_.language == languages[0] ? languages[1] : languages[0];
    const std::string name = other == "cy" ? "Cymraeg" : "English";
    flow.next(name);
    if (ui::secondary_button(ui, name, "Language")) preferences_.language = other;
  }
  // The confirmation has its own Finish button, where the page ends.
  if (journey_.page != Page::Confirmation) {
    const std::string finish_label = ui.tr("Finish");
    flow.next(finish_label);
    if (ui::secondary_button(ui, finish_label, "Finish")) finish(journey_);
  }
  ImGui::Separator();
}

const Translator& App::translator() { return translator_for(preferences_.language); }

const Translator& App::translator_for(const std::string& language) {
  if (const auto found = translators_.find(language); found != translators_.end()) return found->second;
  auto loaded = load_translator(language, setup_.locale_dir.empty() ? default_locale_dir() : setup_.locale_dir,
                                setup_.council);
  // For the operator's log: names a file, never anything a resident typed.
  if (!loaded.problem.empty()) std::fprintf(stderr, "oneservice-kiosk: %s\n", loaded.problem.c_str());
  return translators_.emplace(language, std::move(loaded.translator)).first->second;
}

const Catalogue& App::shown_catalogue(const Translator& t) {
  if (t.language() == "en") return *catalogue_;
  if (!translated_ || translated_language_ != t.language() || translated_changeset_ != catalogue_->changeset) {
    translated_ = translated(*catalogue_, t);
    translated_language_ = t.language();
    translated_changeset_ = catalogue_->changeset;
  }
  return *translated_;
}

void App::adopt_new_catalogue() {
  // Only on the start page: a resident half-way through keeps the questions
  // they started with (their request records that catalogue's version).
  if (!between_journeys() || !catalogue_) return;
  // Parsed by the worker already: nothing is read from the store here.
  if (const auto fresh = desk_.new_catalogue(catalogue_->changeset)) catalogue_ = *fresh;
}

bool App::between_journeys() const {
  if (field_) {
    const auto view = field_->state().view;
    return view == field::FieldView::SignIn || view == field::FieldView::Pin || view == field::FieldView::Home;
  }
  return journey_.page == Page::Attract || journey_.page == Page::Language || journey_.page == Page::ChooseService;
}

static bool person_touched() {
  const ImGuiIO& io = ImGui::GetIO();
  bool input = io.MouseDown[0] || io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 ||
               !io.InputQueueCharacters.empty();
  for (const bool key : io.KeysDown) input = input || key;
  return input;
}

void App::watch_field_idle() {
  if (!field_->watch_idle(person_touched())) return;
  field_focus_ = ui::FieldFocus{};
  keyboard_ = ui::KeyboardState{};
  preferences_ = Preferences{};
  frames_requested_ = std::max(frames_requested_, 3);  // show the sign-in now
}

void App::watch_inactivity(ui::Context& ui) {
  const auto now = setup_.clock.now();
  const ImGuiIO& io = ImGui::GetIO();
  const bool input = person_touched();
  // While "Do you need more time?" is up, a touch is an answer to it: only
  // its buttons act, so "No, finish now" is not undone by its own press.
  const bool asking = inactivity_.stage(now, setup_.inactivity) == InactivityStage::Warning;
  if ((input && !asking) || journey_.page == Page::Attract) inactivity_.touch(now);
  switch (inactivity_.stage(now, setup_.inactivity)) {
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
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), display, theme::palette().overlay);
  const float width = std::min(theme::kMaxContentWidth, display.x - 64);
  ImGui::SetCursorPos(ImVec2((display.x - width) / 2, display.y / 4));
  {
    ui::GroupScope outer;
    ui::ChildScope box("##more-time-box", ImVec2(width, display.y / 2), ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::GetWindowDrawList()->AddRectFilled(ImGui::GetWindowPos(),
                                              ImVec2(ImGui::GetWindowPos().x + width,
                                                     ImGui::GetWindowPos().y + display.y / 2),
                                              theme::palette().background);
    ImGui::SetCursorPos(ImVec2(32, 32));
    ui::GroupScope inner;
    {
      ui::TextWrapScope wrap(width - 32);
      ui::heading(ui, ui.tr("Do you need more time?"));
      const long left = inactivity_.seconds_left(now, setup_.inactivity);
      ui::paragraph(ui, format(ui.trn("To keep your details private, what you have entered will be cleared in "
                                        "{count} second.",
                                        "To keep your details private, what you have entered will be cleared in "
                                        "{count} seconds.",
                                        left),
                                 {{"count", std::to_string(left)}}));
    }
    if (ui::primary_button(ui, ui.tr("Yes, I need more time"), "Yes, I need more time")) inactivity_.touch(now);
    // A resident who has finished should not have to wait out the countdown
    // for their details to go.
    if (ui::secondary_button(ui, ui.tr("No, finish now"), "No, finish now")) {
      finish(journey_);
      inactivity_.touch(now);
      frames_requested_ = std::max(frames_requested_, 3);  // show the start page now
    }
  }
}

int App::take_frame_request() {
  const int frames = frames_requested_;
  frames_requested_ = 0;
  return frames;
}

void App::draw_page(ui::Context& ui) {
  adopt_new_catalogue();
  if (!setup_.startup_problem.empty() || !catalogue_ || !desk_.open()) {
    // No one can choose a language on this page: it speaks every one offered.
    std::vector<const Translator*> languages;
    for (const auto& language : setup_.settings.languages) languages.push_back(&translator_for(language));
    if (languages.empty()) languages.push_back(&translator());
    screens::draw_out_of_order(ui, languages, setup_.startup_problem);
    return;
  }
  const Translator& t = translator();
  const bool map = setup_.places && setup_.places->usable();
  JourneyContext rules{shown_catalogue(t), setup_.clock, setup_.channel, t.wording(),
                       map ? &*setup_.places->boundaries : nullptr};
  rules.language = preferences_.language;
  screens::ScreenContext screen{ui,           journey_,    rules,          desk_,          preferences_,
                                *catalogue_,  setup_.places, setup_.touches, &setup_.settings, {}};
  if (field_) {
    field::FieldShell::adapt_rules(rules);
    field_->draw(ui, screen, preferences_);
    return;
  }
  draw_toolbar(ui);
  const std::size_t first_line = probe_.texts.size();
  switch (journey_.page) {
    case Page::Attract: screens::draw_attract(screen); break;
    case Page::Language: screens::draw_language(screen); break;
    case Page::ChooseService: screens::draw_choose_service(screen); break;
    case Page::Question: screens::draw_question(screen); break;
    case Page::Location: screens::draw_location(screen); break;
    case Page::Contact: screens::draw_contact(screen); break;
    case Page::CheckAnswers: screens::draw_check_answers(screen); break;
    case Page::Confirmation: screens::draw_confirmation(screen); break;
    case Page::Track: screens::draw_track(screen); break;
    case Page::Photos: break;  // field mode's page (kiosk/field/): the kiosk's journeys have none
  }
  // Kept for the read-aloud button only: no copy on a kiosk without a voice.
  if (read_aloud_ && read_aloud_->available())
    page_lines_.assign(probe_.texts.begin() + static_cast<std::ptrdiff_t>(first_line), probe_.texts.end());
}

void App::draw_frame() {
  probe_.clear();
  ui::Context ui{fonts_, probe_, &field_focus_, &drag_, &translator()};
  ui::drag_scroll(drag_);  // first: a drag cancels the control it began on before that control is drawn
  ui::FontScope body(fonts_.body);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float keyboard_height = ui::keyboard_height(field_focus_);  // the page ends above the keyboard
  const std::string status = sync_status_text(desk_.sender(), translator());
  draw_header(ui, translator().catalogue(setup_.council_name), status, display.x, setup_.logo, setup_.logo_aspect);
  const float top = header_height();
  if (!field_ && draw_operator_screens(ui, top, display)) return;

  // The page: one scrolling column, centred, never wider than reads well.
  ui::WindowScope page("##page", ImVec2(0, top), ImVec2(display.x, display.y - top - keyboard_height));
  const float column = std::min(theme::kMaxContentWidth, display.x - 64);
  const float margin = (display.x - column) / 2;
  ImGui::SetCursorPos(ImVec2(margin, 32));
  {
    ui::GroupScope column_group;
    ui::ItemWidthScope column_width(column);
    // A new page starts at its top, whatever the last one was scrolled to,
    // and gets a few frames for its layout (wrapping, scroll range) to settle.
    const std::string page_key =
        field_ ? "field" + std::to_string(static_cast<int>(field_->state().view)) + "." +
                     std::to_string(static_cast<int>(field_->state().journey.page)) + field_->state().journey.question_code
               : std::to_string(static_cast<int>(journey_.page)) + journey_.question_code;
    if (read_aloud_) read_aloud_->page_shown(page_key + preferences_.language);
    if (page_key != shown_page_) {
      desk_.forget();  // a new page reads what it shows afresh, once
      shown_page_ = page_key;
      ImGui::SetNextWindowScroll(ImVec2(0, 0));
      frames_requested_ = 3;
    }
    ui::ChildScope content("##column", ImVec2(column, 0), ImGuiWindowFlags_AlwaysUseWindowPadding);
    draw_page(ui);
    ImGui::Dummy(ImVec2(column, 40));  // room below the last button
  }
  if (journey_.reveal_frames > 0) frames_requested_ = std::max(frames_requested_, 1);  // still scrolling to it
  // After the page: the focused field has said where its text is.
  if (ui::draw_keyboard(ui, keyboard_, display)) frames_requested_ = std::max(frames_requested_, 1);
  // Drawn last, so the warning covers the page it is about.
  if (field_) watch_field_idle();
  else watch_inactivity(ui);
  apply_preferences();
  if (preferences_ != drawn_preferences_) {  // a new look needs new frames (and new fonts)
    drawn_preferences_ = preferences_;
    frames_requested_ = std::max(frames_requested_, 3);
  }
  // ImGui lays out from the previous frame's sizes (a scrollbar appearing
  // narrows the column and rewraps text), so draw until nothing moves: the
  // idle screen must be the settled one, and taps must land where it shows.
  if (probe_.items != last_layout_) {
    frames_requested_ = std::max(frames_requested_, 1);
    last_layout_ = probe_.items;
  }
}

// The operator screens: a long press in the top-left corner, then the PIN,
// between journeys only (nothing a resident entered is open). While open
// they replace the page, and they settle their layout as the page does.
bool App::draw_operator_screens(ui::Context& ui, float top, ImVec2 display) {
  OperatorContext context{ui, operator_, setup_.operator_setup, operator_policy_, setup_.clock.now(), desk_};
  const bool between_journeys =
      journey_.page == Page::Attract || journey_.page == Page::Language || journey_.page == Page::ChooseService;
  if (!watch_operator(context, between_journeys)) return false;
  draw_operator(context, ImVec2(0, top), ImVec2(display.x, display.y - top));
  if (probe_.items != last_layout_) {
    frames_requested_ = std::max(frames_requested_, 1);
    last_layout_ = probe_.items;
  }
  return true;
}

}  // namespace oneservice::kiosk
