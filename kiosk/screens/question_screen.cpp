// One question per page, drawn by its datatype, with the GOV.UK error
// summary above and the message beside the field.
#include <algorithm>

#include "kiosk/screens/back_link.h"
#include "kiosk/screens/screens.h"

namespace oneservice::kiosk::screens {
namespace {

void draw_choices(ScreenContext& screen, const Attribute& attribute) {
  auto& chosen = screen.journey.fields.chosen;
  const bool single = attribute.datatype == Datatype::SingleValueList;
  for (const auto& option : attribute.values) {
    const auto at = std::find(chosen.begin(), chosen.end(), option.key);
    const bool selected = at != chosen.end();
    if (!ui::choice(screen.ui, option.name, selected, single)) continue;
    if (single) chosen = {option.key};
    else if (selected) chosen.erase(at);
    else chosen.push_back(option.key);
  }
}

void draw_date(ScreenContext& screen, const Attribute& attribute) {
  static const char* const labels[] = {gettext_noop("Day"), gettext_noop("Month"), gettext_noop("Year"),
                                       gettext_noop("Hour"), gettext_noop("Minute")};
  static const float widths[] = {90, 90, 130, 90, 90};
  auto& parts = screen.journey.fields.date;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i == 3) ui::hint(screen.ui, screen.ui.tr("Time, if you know it (24-hour clock, for example 17:30)"));
    if (i != 0 && i != 3) ImGui::SameLine();
    ui::GroupScope group;
    const std::string label = screen.ui.tr(labels[i]);
    ImGui::TextUnformatted(label.c_str());
    ui::text_field(screen.ui, "field:" + attribute.code + "." + labels[i], &parts[i], false, widths[i],
                   ui::FieldKind::Number);
  }
}

// Which keys the on-screen keyboard offers for a one-line answer.
ui::FieldKind field_kind(const Attribute& attribute) {
  switch (attribute.input) {
    case InputKind::Email: return ui::FieldKind::Email;
    case InputKind::Phone: return ui::FieldKind::Phone;
    case InputKind::Text:
    case InputKind::Postcode: return ui::FieldKind::Text;
  }
  return ui::FieldKind::Text;
}

}  // namespace

void draw_question(ScreenContext& screen) {
  auto& journey = screen.journey;
  const auto* service = screen.rules.catalogue.find_service(journey.service_code);
  const auto* attribute = service ? service->find_attribute(journey.question_code) : nullptr;
  if (!attribute) return;
  back_link(screen);
  ui::reveal_here(screen.ui, journey.reveal_frames);
  ui::error_summary(screen.ui, journey.errors);
  ui::hint(screen.ui, service->service_name);
  if (!attribute->variable) {  // information only: read it, then continue
    ui::heading(screen.ui, attribute->description);
  } else {
    ui::ErrorBorderScope marked(!journey.errors.empty());
    const std::string optional =
        // TRANSLATORS: {question} is a question from the council's catalogue,
        // already in the resident's language ("Anything else we should know?").
        format(screen.ui.tr("{question} (optional)"), {{"question", attribute->description}});
    ui::heading(screen.ui, attribute->required ? attribute->description : optional);
    ui::hint(screen.ui, attribute->hint);
    for (const auto& error : journey.errors) ui::error_message(screen.ui, error.message);
    const float width = ImGui::GetContentRegionAvail().x;
    switch (attribute->datatype) {
      case Datatype::SingleValueList:
      case Datatype::MultiValueList:
        // GOV.UK's hint for boxes, unless the council wrote its own (which
        // often says the same: it would show twice).
        if (attribute->datatype == Datatype::MultiValueList && attribute->hint.empty())
          ui::hint(screen.ui, screen.ui.tr("Select all that apply."));
        draw_choices(screen, *attribute);
        break;
      case Datatype::Datetime:
        draw_date(screen, *attribute);
        break;
      case Datatype::Number:
        ui::text_field(screen.ui, "field:" + attribute->code, &journey.fields.text, false, std::min(width, 300.0f),
                       ui::FieldKind::Number);
        break;
      case Datatype::Text:
        ui::text_field(screen.ui, "field:" + attribute->code, &journey.fields.text, true, width);
        break;
      case Datatype::String:
        ui::text_field(screen.ui, "field:" + attribute->code, &journey.fields.text, false, width,
                       field_kind(*attribute));
        break;
    }
  }
  ImGui::Spacing();
  if (ui::primary_button(screen.ui, screen.ui.tr("Continue"), "Continue")) continue_page(journey, screen.rules);
}

}  // namespace oneservice::kiosk::screens
