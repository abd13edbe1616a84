#include "sample_receipts.h"

#include <cctype>

namespace oneservice::receipt::test {

ReceiptText english_receipt() {
  ReceiptText text;
  text.language = "en";
  text.council_name = "Ashcombe District Council";
  text.title = "Your report has been sent";
  text.reference_heading = "Your reference";
  text.reference = "OS-5BCJ-N6Z1";
  text.what_was_asked = {"What you asked for", {"Report a pothole"}};
  text.what_happens_next = {"What happens next",
                            {"An inspector will look at it within 5 working days.",
                             "Keep this receipt: the reference is all you need to ask about it."}};
  text.who_deals_with_it = {"Who deals with it",
                            {"Little Hembury Parish Council", "Parish Clerk: clerk@littlehembury.example"}};
  text.tracking = {"Check progress", {"Scan the code with your phone's camera, or go to:"}};
  text.tracking_url = "https://ashcombe.example/track/OS-5BCJ-N6Z1";
  text.footer = "Printed at Ashcombe Library on 8 December 2026";
  return text;
}

ReceiptText welsh_receipt() {
  ReceiptText text;
  text.language = "cy";
  text.council_name = "Cyngor Dosbarth Ashcombe";
  text.title = "Mae eich adroddiad wedi'i anfon";
  text.reference_heading = "Eich cyfeirnod";
  text.reference = "OS-7WQR-C2D4";
  text.what_was_asked = {"Beth wnaethoch chi ofyn amdano", {"Rhoi gwybod am ddŵr ar y ffordd"}};
  text.what_happens_next = {"Beth sy'n digwydd nesaf",
                            {"Bydd arolygydd yn edrych arno o fewn 5 diwrnod gwaith.",
                             "Cysylltwch â ni os bydd y dŵr yn cyrraedd tŷ."}};
  text.who_deals_with_it = {"Pwy sy'n delio ag ef", {"Cyngor Plwyf Little Hembury", "Tŷ'r Cyngor, Stryd Fawr"}};
  text.tracking = {"Gwirio'r cynnydd", {"Sganiwch y cod â chamera eich ffôn, neu ewch i:"}};
  text.tracking_url = "https://ashcombe.example/cy/olrhain/OS-7WQR-C2D4";
  text.footer = "Argraffwyd yn Llyfrgell Ashcombe ar 8 Rhagfyr 2026";
  return text;
}

std::vector<std::string> given_lines(const ReceiptText& text) {
  std::vector<std::string> lines{text.council_name, text.title, text.reference_heading, text.reference};
  for (const auto* section : {&text.what_was_asked, &text.what_happens_next, &text.who_deals_with_it, &text.tracking}) {
    lines.push_back(section->heading);
    lines.insert(lines.end(), section->lines.begin(), section->lines.end());
  }
  lines.push_back(text.tracking_url);
  lines.push_back(text.footer);
  std::erase_if(lines, [](const std::string& line) { return line.empty(); });
  return lines;
}

std::string squeezed(const std::string& s) {
  std::string out;
  for (const char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

}  // namespace oneservice::receipt::test
