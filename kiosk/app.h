#pragma once
// The kiosk application: holds the state (plain structs) and draws one frame
// of the current screen. It knows nothing of SDL: platform/ owns the window
// and the loop, so the same App runs full screen and in headless tests.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/drag_scroll.h"
#include "kiosk/field/field_shell.h"
#include "kiosk/options.h"
#include "kiosk/council_settings.h"
#include "kiosk/inactivity.h"
#include "kiosk/journey.h"
#include "kiosk/preferences.h"
#include "kiosk/read_aloud.h"
#include "kiosk/request_desk.h"
#include "kiosk/translator.h"
#include "kiosk/on_screen_keyboard.h"
#include "kiosk/text_field.h"
#include "kiosk/place_data.h"
#include "kiosk/operator/operator.h"
#include "kiosk/widgets.h"
#include "kiosk/ui_probe.h"
#include "platform/fonts.h"
#include "platform/pointer_input.h"
#include "shared/catalogue.h"
#include "shared/clock.h"

namespace oneservice::kiosk {

struct AppSetup {
  const Catalogue* catalogue = nullptr;  // null when it could not be loaded
  // The store and the background sync worker, for the app's request desk.
  DeskLinks desk;
  std::string council_name;
  std::string council;     // the council's folder under assets/: its translation domain
  std::string locale_dir;  // compiled translations; empty: the build's own
  CouncilSettings settings;
  InactivityPolicy inactivity;
  // "Read this page aloud"; null (or a kiosk with no sound) hides the button.
  platform::Speaker* speaker = nullptr;
  // The council's logo for the header (a texture of the window's renderer).
  ImTextureID logo = nullptr;
  float logo_aspect = 1.0f;  // width / height
  std::string startup_problem;  // shown instead of the journey when set
  Clock clock;
  Channel channel = Channel::Kiosk;
  // The map for the location page and the fingers on the screen (for a
  // pinch); either may be null (words only; zoom by buttons only).
  const PlaceData* places = nullptr;
  const platform::TouchPoints* touches = nullptr;
  // The operator screens: the PIN, "Send now" and closing the kiosk.
  OperatorSetup operator_setup;
  // Field mode draws kiosk/field/'s shell around the same journey.
  AppMode mode = AppMode::Kiosk;
  field::FieldSetup field;
};

class App {
 public:
  App(AppSetup setup, const platform::Fonts& fonts);

  // Makes the ImGui calls for one frame (between NewFrame and Render).
  void draw_frame();

  const Catalogue* catalogue() const { return catalogue_ ? &*catalogue_ : nullptr; }

  // While a journey is open the inactivity timer must run without input:
  // the frame loop draws a frame now and then (never on the idle start page).
  // A long press in the operator corner and an open operator screen are
  // clock-driven too.
  bool needs_clock_ticks() const {
    if (field_) return field_->needs_clock_ticks();
    return journey_.page != Page::Attract || operator_needs_clock_ticks(operator_);
  }

  // The text size the resident chose: the host bakes its fonts at this
  // scale before the next frame (never FontGlobalScale, which blurs).
  float text_scale() const { return kiosk::text_scale(preferences_.text_size); }

  // Frames the app needs drawn even without input (a new page settling its
  // layout); the frame loop asks for them. Reading resets it.
  int take_frame_request();

  const Journey& journey() const { return journey_; }
  const Preferences& preferences() const { return preferences_; }
  const UiProbe& probe() const { return probe_; }
  // Field mode's shell; null in kiosk mode.
  const field::FieldShell* field() const { return field_.get(); }

 private:
  // Between journeys, take up a catalogue the sync worker has pulled.
  void adopt_new_catalogue();
  // The resident's language: each translator loads on first use and stays.
  const Translator& translator();
  const Translator& translator_for(const std::string& language);
  // The catalogue in that language (the council's own for English).
  const Catalogue& shown_catalogue(const Translator& translator);
  // Notes input, and clears the journey when it has been left alone.
  void watch_inactivity(ui::Context& ui);
  // Read aloud, text size, contrast and Finish, at the top of every page.
  void draw_toolbar(ui::Context& ui);
  void draw_page(ui::Context& ui);
  // A new visitor starts with the standard look, whatever the last chose.
  void apply_preferences();
  // Field mode: the idle lock, and after a lock everything the App itself
  // holds for the officer (the keyboard, the focused field, their look).
  void watch_field_idle();
  bool between_journeys() const;
  // The operator screens (kiosk/operator/): true when one replaced the page.
  bool draw_operator_screens(ui::Context& ui, float top, ImVec2 display);

  AppSetup setup_;
  RequestDesk desk_;  // between the screens and the store
  std::optional<Catalogue> catalogue_;  // the app's own copy, replaced between journeys
  std::map<std::string, Translator> translators_;
  std::optional<Catalogue> translated_;  // catalogue_ in translated_language_
  std::string translated_language_, translated_changeset_;
  const platform::Fonts& fonts_;
  Journey journey_;
  Preferences preferences_;
  Preferences drawn_preferences_;  // as last drawn
  std::optional<ReadAloud> read_aloud_;
  std::vector<std::string> page_lines_;  // what the page said last frame, for reading aloud
  UiProbe probe_;
  InactivityTimer inactivity_;
  std::vector<ProbeItem> last_layout_;
  std::string shown_page_;  // page + question drawn last frame
  int frames_requested_ = 0;

  // Touch: the focused text field, the on-screen keyboard, the finger's drag.
  ui::FieldFocus field_focus_;
  ui::KeyboardState keyboard_;
  ui::DragScroll drag_;

  OperatorState operator_;
  OperatorPolicy operator_policy_;
  std::unique_ptr<field::FieldShell> field_;
};

}  // namespace oneservice::kiosk
