#pragma once
// Drives the real kiosk headless, as a person would: SDL's dummy video
// driver and software renderer, taps and typing pushed as SDL events through
// the same event path as a touch screen, frames drawn between them, and a
// PNG of the screen saved at each step for people to look at.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app.h"
#include "kiosk/startup.h"
#include "platform/image.h"
#include "platform/imgui_host.h"
#include "platform/sdl_window.h"
#include "platform/speech.h"
#include "sync/outbox.h"
#include "sync/sync_engine.h"

struct SDL_Renderer;

namespace oneservice::kiosk::testing {

// The kiosk tests' clocks: one stopped at 2026-11-22T12:00:00Z, and one
// that reads `now`, which the test moves.
Clock fixed_clock();
Clock clock_at(std::shared_ptr<TimePoint> now);

// What a test may add to the app the driver makes: field mode and its
// links (given the store the driver opened), another screen size.
struct DriverExtras {
  // Called last, with the store opened and the sync worker (null without a server).
  // And the window's renderer, for field mode's photo textures.
  std::function<void(AppSetup&, KioskServices&, sync::SyncEngine*, SDL_Renderer*)> adjust;
  int width = 1280, height = 800;
  sync::EngineOptions engine;  // the worker's options (field mode's passes)
};

class KioskDriver {
 public:
  // A kiosk on the demo council with its outbox in data_dir.
  // expect_problem: the test wants the out-of-order screen (a broken store).
  // server: run the background sync worker against this council server.
  // assets_dir: councils from here instead of the bundled ones.
  // operator_setup: the PIN and callbacks of the operator screens (with a
  // server and no send_now given, "Send now" wakes the real worker).
  KioskDriver(const std::string& data_dir, const std::string& screenshot_folder, Clock clock = {},
              bool expect_problem = false, std::optional<sync::ServerConfig> server = std::nullopt,
              const std::string& assets_dir = {}, OperatorSetup operator_setup = {}, DriverExtras extras = {});
  ~KioskDriver();

  // From the attract screen to the services, in "en" or "cy".
  void start(const std::string& language = "en");
  // Draws frames until the app owes none (bounded).
  void settle();
  // Taps the control with this label, scrolling to it first if it is below
  // the fold (or under the on-screen keyboard). Keys are "key:<character>".
  // Fails the test (ADD_FAILURE) and returns false if none shows.
  bool tap(const std::string& label);
  // Scrolls until the control is fully on screen; false if none shows.
  bool reveal(const std::string& label);
  // A tap at a point on the screen (press and release without moving).
  void tap_at(float x, float y);
  // Presses at (x0, y0), slides to (x1, y1) in steps (by default about
  // 8 px each) with frames between them, and lifts, as a finger does.
  void drag(float x0, float y0, float x1, float y1, int steps = 0);
  // Two fingers down at a0 and b0, moved to a1 and b1, lifted (touch events).
  void pinch(float a0_x, float a0_y, float b0_x, float b0_y, float a1_x, float a1_y, float b1_x, float b1_y);
  // Types text into the focused field, as SDL_TEXTINPUT events.
  void type(const std::string& text);
  // Taps a field and types into it.
  bool fill(const std::string& field_label, const std::string& text);
  void press_key(int scancode);
  // A finger put down at (x, y) and kept there, and lifted.
  void press(float x, float y);
  void release(float x, float y);
  // One turn of the real frame loop with no input (kiosk/main.cpp): a frame
  // is drawn only when one is owed or the app asks for clock ticks. Returns
  // whether a frame was drawn.
  bool loop_turn();
  // Presses at (x, y) and holds for `hold`, moving the test's clock (`now`,
  // which the driver's Clock reads) in the loop's 250 ms steps with a loop
  // turn at each, then lifts. Returns whether every step drew a frame (the
  // loop kept ticking without input).
  bool press_and_hold(float x, float y, std::chrono::milliseconds hold, TimePoint& now);
  bool needs_clock_ticks() const { return app_->needs_clock_ticks(); }
  // Draws frames as the real loop would (waking for the sync worker) until
  // `done` holds or `limit` passes; returns whether it held. A bound on a
  // wait for another thread, not a measure of speed.
  bool wait_until(const std::function<bool()>& done, std::chrono::seconds limit);
  // Fails the test for every control on this screen smaller than 44x44 px
  // (WCAG 2.5.5), naming it and `where`.
  void expect_touch_targets(const std::string& where) const;
  // Fails the test for every colour pair of the last frame's text, as drawn
  // (tests/kiosk/drawn_text.h), below 7:1 (WCAG AAA), naming `where`.
  // Returns how many glyphs it judged.
  std::size_t expect_readable_text(const std::string& where) const;
  // The text of the last frame as drawn, line by line (drawn_text.h).
  std::vector<std::string> drawn_lines() const;
  // Every line the page draws from its top to its bottom: scrolls it to the
  // top, then down a little at a time, reading the screen at each step.
  std::vector<std::string> read_page();
  // Saves the current screen as <folder>/<nn>-<name>.png; returns the path.
  std::string screenshot(const std::string& name);

  bool shows(const std::string& text) const { return app_->probe().shows_text(text); }
  // Whether the last frame drew this text on one line anywhere, the words
  // on buttons included (shows() reads the probe's texts, which buttons
  // do not add to).
  bool draws(const std::string& text) const;
  const UiProbe& probe() const { return app_->probe(); }
  const Journey& journey() const { return app_->journey(); }
  const App& app() const { return *app_; }
  sync::Outbox& outbox() { return services_.outbox.value(); }
  int height() const { return options_.height; }
  int width() const { return options_.width; }
  // The kiosk's voice, synthesising into memory.
  platform::Speech& speech() { return *speech_; }
  const Preferences& preferences() const { return app_->preferences(); }

 private:
  void draw_frame();
  void push_pointer(int type, float x, float y);
  void push_finger(int type, long long finger, float x, float y);
  void scroll(int clicks, float x, float y);
  // Where the page ends: the screen's bottom, or the keyboard's top.
  float page_bottom() const;

  KioskOptions options_;
  KioskServices services_;
  std::unique_ptr<platform::SdlWindow> window_;
  std::unique_ptr<platform::ImGuiHost> host_;
  std::unique_ptr<sync::SyncEngine> engine_;
  std::unique_ptr<platform::Speech> speech_;
  platform::Image logo_;
  std::unique_ptr<App> app_;
  std::string folder_;
  int shots_ = 0;
};

// What the sync worker does when the council takes the request this kiosk
// gave `reference` (as `council_reference`) and later sends `updates` back.
void council_takes(sync::Outbox& outbox, const std::string& reference, const std::string& council_reference,
                   const std::vector<sync::StatusUpdate>& updates = {});

// The operator PIN of kiosks made by with_pin().
inline constexpr const char* kTestPin = "4821";

// The operator screens' setup with kTestPin, for tests that open the PIN pad.
OperatorSetup with_pin();

// From the services page (the kiosk's, or field mode's New report), in
// English: a pothole in the road, smaller than a dinner plate, 6 cm deep,
// no more details; ends on its location page.
void reach_pothole_location(KioskDriver& kiosk);

}  // namespace oneservice::kiosk::testing
