#pragma once
// One function per screen, each in its own file. A screen draws from the
// journey and calls journey functions for what the resident does.
#include <functional>

#include "kiosk/council_settings.h"
#include "kiosk/journey.h"
#include "kiosk/preferences.h"
#include "kiosk/request_desk.h"
#include "kiosk/text_field.h"
#include "kiosk/translator.h"
#include "kiosk/place_data.h"
#include "kiosk/widgets.h"
#include "platform/pointer_input.h"

namespace oneservice::kiosk::screens {

struct ScreenContext {
  ui::Context& ui;
  Journey& journey;
  const JourneyContext& rules;  // its catalogue is the one shown (maybe translated)
  RequestDesk& desk;  // saves requests and looks them up; the screens never see the store
  Preferences& preferences;
  const Catalogue& english;  // the catalogue as the council wrote it, for search
  const PlaceData* places = nullptr;  // null or not usable: no map
  const platform::TouchPoints* touches = nullptr;
  const CouncilSettings* settings = nullptr;
  // Check answers' send button: empty, the kiosk's send(); field mode
  // sends through its own desk (the officer's reports, with photos).
  std::function<void()> send;
};

void draw_attract(ScreenContext& screen);
void draw_language(ScreenContext& screen);
void draw_choose_service(ScreenContext& screen);
void draw_question(ScreenContext& screen);
void draw_location(ScreenContext& screen);
// The location page's search, map (with who deals with it there) and the
// words box, for field mode's location page too. True when the point
// moved this frame (a tap on the map or a place chosen).
bool draw_location_places(ScreenContext& screen, const Service& service);
void draw_contact(ScreenContext& screen);
void draw_check_answers(ScreenContext& screen);
void draw_confirmation(ScreenContext& screen);
void draw_track(ScreenContext& screen);
// The kiosk cannot take requests (the store or catalogue failed to open):
// said in each of `languages`, then the problem for staff.
void draw_out_of_order(ui::Context& ui, const std::vector<const Translator*>& languages, const std::string& problem);

}  // namespace oneservice::kiosk::screens
