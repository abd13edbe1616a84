// The council's catalogue in Welsh: every string a resident reads is
// translated, nothing a request carries changes, and English is untouched.
#include <gtest/gtest.h>

#include <sstream>

#include "i18n/welsh.h"
#include "kiosk/catalogue_translation.h"
#include "shared/prepare.h"
#include "shared/request_json.h"

using namespace oneservice;
using namespace oneservice::kiosk;
using oneservice::i18n_testing::demo_catalogue;
using oneservice::i18n_testing::fixed_now;
using oneservice::i18n_testing::welsh;

namespace {

void write_conditions(std::ostream& out, const std::vector<Condition>& conditions) {
  for (const auto& condition : conditions) {
    out << " when " << condition.code << " in";
    for (const auto& key : condition.any_of) out << " " << key;
  }
}

// Everything in a catalogue that is not words for a resident.
std::string codes_of(const Catalogue& catalogue) {
  std::ostringstream out;
  out << catalogue.changeset << " " << catalogue.tracking_url << "\n";
  for (const auto& s : catalogue.services) {
    out << s.service_code << " " << s.metadata << " " << to_string(s.type) << " "
        << (s.responsible ? to_string(*s.responsible) : "") << "\n";
    for (const auto& rule : s.routing) {
      out << "  route to " << to_string(rule.responsible);
      write_conditions(out, rule.when);
      out << "\n";
    }
    for (const auto& a : s.attributes) {
      out << "  " << a.code << " " << a.variable << " " << static_cast<int>(a.datatype) << " " << a.required << " "
          << a.order << " " << static_cast<int>(a.automated) << " " << static_cast<int>(a.input) << " "
          << a.min.value_or(-1) << " " << a.max.value_or(-1) << " " << a.integer << " " << a.max_length.value_or(0)
          << " " << a.not_in_future;
      write_conditions(out, a.shown_when);
      for (const auto& value : a.values) out << " " << value.key;
      out << "\n";
    }
  }
  return out.str();
}

ServiceRequest pothole_request() {
  ServiceRequest r;
  r.client_id = "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f";
  r.service_code = "pothole";
  r.answers = {{"road_or_pavement", std::string("road")},
               {"pothole_size", std::string("about_plate")},
               {"depth_cm", std::string(" 5 ")}};
  r.location.address_string = "Stryd Fawr";
  r.created_at = "2026-11-22T14:00:00Z";
  return r;
}

// Keywords are compared in KeywordsInBothLanguages: the Welsh catalogue has
// the English ones too.
std::vector<CatalogueText> texts_but_keywords(const Catalogue& catalogue) {
  auto texts = catalogue_texts(catalogue);
  std::erase_if(texts, [](const CatalogueText& text) { return text.field == "keyword"; });
  return texts;
}

}  // namespace

TEST(CatalogueTranslation, WelshKeepsEveryCodeAndTranslatesTheWords) {
  const auto cy = translated(demo_catalogue(), welsh());
  EXPECT_EQ(codes_of(cy), codes_of(demo_catalogue()));
  EXPECT_EQ(cy.council_name, "Cyngor Sir Wealdshire");
  const auto* pothole = cy.find_service("pothole");
  ASSERT_NE(pothole, nullptr);
  EXPECT_EQ(pothole->service_name, "Rhoi gwybod am dwll yn y ffordd");
  EXPECT_EQ(pothole->group, "Ffyrdd a phalmentydd");
  EXPECT_EQ(pothole->location_question, "Ble mae’r twll?");
  EXPECT_EQ(pothole->submit_label, "Anfon adroddiad");
  EXPECT_EQ(pothole->next_steps, "Bydd arolygydd priffyrdd yn edrych ar y twll o fewn 5 diwrnod gwaith.");
  const auto* depth = pothole->find_attribute("depth_cm");
  ASSERT_NE(depth, nullptr);
  EXPECT_EQ(depth->description, "Pa mor ddwfn yw’r twll, mewn centimetrau?");
  EXPECT_EQ(depth->label(), "Dyfnder mewn centimetrau");
  EXPECT_EQ(depth->error_noun, "ddyfnder y twll mewn centimetrau");
  EXPECT_EQ(depth->hint, "Mae amcangyfrif yn iawn.");
  const auto* where = pothole->find_attribute("road_or_pavement")->find_value("cycle_path");
  ASSERT_NE(where, nullptr) << "value keys stay English";
  EXPECT_EQ(where->name, "Ar lwybr beicio");
  EXPECT_EQ(cy.groups(), (std::vector<std::string>{"Ffyrdd a phalmentydd", "Biniau ac ailgylchu",
                                                   "Strydoedd a’r amgylchedd", "Parcio"}));
}

TEST(CatalogueTranslation, EveryTextIsWelsh) {
  const auto english = texts_but_keywords(demo_catalogue());
  const auto cy = texts_but_keywords(translated(demo_catalogue(), welsh()));
  ASSERT_EQ(cy.size(), english.size());
  std::vector<std::string> same;
  for (std::size_t i = 0; i < english.size(); ++i) {
    ASSERT_EQ(cy[i].where + " " + cy[i].field, english[i].where + " " + english[i].field);
    if (cy[i].text == english[i].text) same.push_back(cy[i].where + " " + cy[i].field + ": " + cy[i].text);
  }
  // The only word that is the same in both languages.
  EXPECT_EQ(same, std::vector<std::string>{"missed_bin.which_bin summary: Bin"}) << "strings left in English";
}

TEST(CatalogueTranslation, KeywordsInBothLanguages) {
  const auto cy = translated(demo_catalogue(), welsh());
  EXPECT_EQ(cy.find_service("pothole")->keywords,
            (std::vector<std::string>{"ffordd", "twll", "palmant", "road", "hole", "pavement"}));
  // A keyword that is the same in both languages is listed once.
  EXPECT_EQ(cy.find_service("graffiti")->keywords,
            (std::vector<std::string>{"graffiti", "fandaliaeth", "paent", "tagio", "vandalism", "paint", "tagging"}));
}

TEST(CatalogueTranslation, EnglishChangesNothing) {
  const auto en = translated(demo_catalogue(), Translator());
  EXPECT_EQ(codes_of(en), codes_of(demo_catalogue()));
  const auto before = catalogue_texts(demo_catalogue());
  const auto after = catalogue_texts(en);
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) EXPECT_EQ(after[i].text, before[i].text);
}

TEST(CatalogueTranslation, RequestsAreTheSameInEitherLanguage) {
  const auto cy = translated(demo_catalogue(), welsh());
  const auto in_english = prepare_request(demo_catalogue(), pothole_request(), fixed_now(), Wording::english());
  const auto in_welsh = prepare_request(cy, pothole_request(), fixed_now(), welsh().wording());
  ASSERT_TRUE(in_english.ok());
  ASSERT_TRUE(in_welsh.ok()) << in_welsh.errors.front().message;
  EXPECT_EQ(request_to_json(in_welsh.request), request_to_json(in_english.request));
}

// Every text field of shared/catalogue.h that a resident reads is listed
// (and so translated); empty ones are left out.
TEST(CatalogueTranslation, ListsEveryTextField) {
  Catalogue c;
  c.council_name = "Council";
  Service s;
  s.service_code = "svc";
  s.service_name = "Name";
  s.description = "About";
  s.group = "Group";
  s.keywords = {"one", "two"};
  s.location_question = "Where?";
  s.location_hint = "Where hint";
  s.submit_label = "Send";
  s.next_steps = "Next";
  Attribute a;
  a.code = "q";
  a.description = "Question?";
  a.datatype_description = "Type words";
  a.summary = "Label";
  a.error_noun = "the noun";
  a.hint = "Hint";
  a.values = {{"k1", "Value one"}, {"k2", ""}};
  s.attributes = {a};
  c.services = {s};
  std::vector<std::string> listed;
  for (const auto& text : catalogue_texts(c)) listed.push_back(text.where + " " + text.field + " " + text.text);
  EXPECT_EQ(listed, (std::vector<std::string>{
                        "council council_name Council", "svc service_name Name", "svc description About",
                        "svc group Group", "svc keyword one", "svc keyword two", "svc location_question Where?",
                        "svc location_hint Where hint", "svc submit_label Send", "svc next_steps Next",
                        "svc.q description Question?", "svc.q datatype_description Type words",
                        "svc.q summary Label", "svc.q error_noun the noun", "svc.q hint Hint",
                        "svc.q.k1 name Value one"}));
}
