#include "kiosk/field/gps_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kiosk/theme.h"

namespace oneservice::kiosk::field {
namespace {

std::string metres(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f", std::ceil(value));
  return text;
}

void take_position(FieldScreen& screen, const GpsFix& fix) {
  auto& journey = screen.state.journey;
  journey.fields.lat = fix.lat;
  journey.fields.lon = fix.lon;
  journey.location.source = LocationSource::Gps;
  journey.location.accuracy_m = fix.accuracy_m;
}

void draw_reading(ui::Context& ui, const GpsFix& fix, TimePoint now) {
  ui::paragraph(ui, fix.accuracy_m ? format(ui.tr("Accuracy: {metres} m"), {{"metres", metres(*fix.accuracy_m)}})
                                   : ui.tr("Accuracy: not known"));
  ui::paragraph(ui,
                format(ui.tr("Satellites: {used} used of {seen} seen"),
                       {{"used", std::to_string(fix.satellites_used)}, {"seen", std::to_string(fix.satellites_seen)}}));
  const long age = static_cast<long>(gps::fix_age(fix, now).count());
  ui::paragraph(ui, format(ui.trn("Fix taken {count} second ago", "Fix taken {count} seconds ago", age),
                           {{"count", std::to_string(age)}}));
}

// Gives the averager each new fix while averaging; true when the time is up.
bool gather(GpsAveraging& averaging, const GpsFix& fix, TimePoint now) {
  if (averaging.last_added != fix.at) {
    averaging.averager.add(fix);
    averaging.last_added = fix.at;
  }
  return now - *averaging.started >= gps::FixAverager::kDefaultWindow;
}

}  // namespace

bool fix_usable(const GpsFix& fix, double needed, TimePoint now) {
  return gps::fix_acceptable(fix, needed) && gps::fix_age(fix, now) <= kFixFreshFor;
}

bool gps_panel(FieldScreen& screen, double needed) {
  auto& ui = screen.ui;
  auto& averaging = screen.state.averaging;
  const TimePoint now = screen.desk.now();
  const GpsReading reading = screen.desk.gps();
  {
    ui::FontScope font(ui.fonts.heading);
    ui::paragraph(ui, ui.tr("GPS"));
  }
  ui::LeftBorderScope inset(theme::palette().border, 10);
  if (reading.state == GpsState::NoGpsd) {
    ui::paragraph(ui, ui.tr("This tablet's GPS is not answering. Mark the place on the map."));
    return false;
  }
  if (!reading.fix || reading.state == GpsState::Searching) {
    ui::paragraph(ui,
                  format(ui.trn("Looking for satellites: {count} seen. Stay in the open, or mark the place on the map.",
                                "Looking for satellites: {count} seen. Stay in the open, or mark the place on the map.",
                                reading.satellites_seen),
                         {{"count", std::to_string(reading.satellites_seen)}}));
    return false;
  }
  const GpsFix& fix = *reading.fix;
  draw_reading(ui, fix, now);
  if (averaging.started) {
    if (!gather(averaging, fix, now)) {
      const long left = static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(
                                              gps::FixAverager::kDefaultWindow - (now - *averaging.started))
                                              .count()) +
                        1;
      ui::paragraph(ui, format(ui.trn("Averaging: {count} second left", "Averaging: {count} seconds left", left),
                               {{"count", std::to_string(left)}}));
      return false;
    }
    const auto average = averaging.averager.average();
    averaging = GpsAveraging{};
    if (average && fix_usable(*average, needed, now)) {
      take_position(screen, *average);
      return true;
    }
    averaging.last_failed = true;
  }
  if (averaging.last_failed)
    ui::error_message(ui,
                      ui.tr("The average of those readings is not accurate enough either. Mark the place on the map."));
  if (fix_usable(fix, needed, now)) {
    if (ui::primary_button(ui, ui.tr("Use this position"), "Use this position")) {
      take_position(screen, fix);
      return true;
    }
    return false;
  }
  ui::paragraph(ui, format(ui.tr("This report needs a position accurate to {metres} m or better. Wait in the open, "
                                 "average the readings, or mark the place on the map."),
                           {{"metres", metres(needed)}}));
  if (ui::secondary_button(ui, ui.tr("Average for 5 seconds"), "Average for 5 seconds")) {
    averaging = GpsAveraging{};
    averaging.started = now;
  }
  return false;
}

}  // namespace oneservice::kiosk::field
