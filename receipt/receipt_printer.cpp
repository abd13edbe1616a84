#include "receipt/receipt_printer.h"

#include <cups/cups.h>

#include <memory>
#include <optional>
#include <utility>

#include "receipt/receipt_pdf.h"

namespace oneservice::receipt {
namespace {

// Long enough for a busy print server, short enough that the helper is
// not left looking at a frozen screen.
constexpr int kConnectMilliseconds = 5000;
constexpr double kRequestSeconds = 15.0;

struct HttpClose {
  void operator()(http_t* http) const noexcept { httpClose(http); }
};
using Connection = std::unique_ptr<http_t, HttpClose>;

struct IppDelete {
  void operator()(ipp_t* ipp) const noexcept { ippDelete(ipp); }
};

std::string last_error() {
  const char* message = cupsLastErrorString();
  return message ? message : ippErrorString(cupsLastError());
}

// What CUPS's last answer means for the helper: the scheduler gone away,
// or this printer's refusal.
PrintProblem problem_from_last_error(const std::string& doing) {
  const ipp_status_t status = cupsLastError();
  if (status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || status == IPP_STATUS_ERROR_INTERNAL)
    return {PrintProblemKind::CupsNotRunning, doing + ": " + last_error()};
  if (status == IPP_STATUS_ERROR_NOT_FOUND) return {PrintProblemKind::NoSuchPrinter, doing + ": " + last_error()};
  return {PrintProblemKind::JobRefused, doing + ": " + last_error()};
}

// The setting's server as a host (or socket path) and port.
std::pair<std::string, int> server_address(const std::string& server) {
  const std::string where = server.empty() ? cupsServer() : server;
  if (!where.empty() && where[0] == '/') return {where, ippPort()};  // a local socket
  const auto colon = where.rfind(':');
  if (colon != std::string::npos && where.find(']', colon) == std::string::npos && colon + 1 < where.size()) {
    try {
      return {where.substr(0, colon), std::stoi(where.substr(colon + 1))};
    } catch (const std::exception&) {
      // not a port: the whole is the host name
    }
  }
  return {where, ippPort()};
}

// A queue name CUPS could have made: anything else would be read as part
// of the request's path, so it is no printer of ours.
bool plausible_queue_name(const std::string& name) {
  for (const unsigned char c : name)
    if (c <= ' ' || c == 0x7F || c == '/' || c == '#' || c == '?' || c == '\\' || c == '\'' || c == '"') return false;
  return name.size() <= 127;
}

// The printer's state before anything is sent: a stopped queue would keep
// the receipt and print it when someone starts it again, perhaps hours
// later, for whoever is at the printer then.
std::optional<PrintProblem> printer_not_ready(http_t* http, const std::string& printer) {
  char uri[HTTP_MAX_URI];
  httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(), "/printers/%s",
                   printer.c_str());
  ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri);
  static const char* const kWanted[] = {"printer-state", "printer-is-accepting-jobs"};
  ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 2, nullptr, kWanted);
  const std::unique_ptr<ipp_t, IppDelete> response(cupsDoRequest(http, request, "/"));  // frees request
  if (!response || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE)
    return problem_from_last_error("asking for printer " + printer);
  if (auto* state = ippFindAttribute(response.get(), "printer-state", IPP_TAG_ENUM);
      state && ippGetInteger(state, 0) == IPP_PSTATE_STOPPED)
    return PrintProblem{PrintProblemKind::PrinterStopped, "printer " + printer + " is stopped"};
  if (auto* accepting = ippFindAttribute(response.get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
      accepting && !ippGetBoolean(accepting, 0))
    return PrintProblem{PrintProblemKind::JobRefused, "printer " + printer + " is not accepting jobs"};
  return std::nullopt;
}

PrintProblem not_printable(const RenderProblem& problem) {
  return {PrintProblemKind::NotPrintable, problem.reason};
}

}  // namespace

std::variant<PrintJob, PrintProblem> print_pdf(const std::string& pdf, const PrinterSetting& where) {
  if (where.printer.empty()) return PrintProblem{PrintProblemKind::NoPrinterSet, "no printer is named in the settings"};
  if (!plausible_queue_name(where.printer))
    return PrintProblem{PrintProblemKind::NoSuchPrinter, "the printer's name is not one CUPS gives a queue"};
  const auto [host, port] = server_address(where.server);
  const Connection http(httpConnect2(host.c_str(), port, nullptr, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1,
                                     kConnectMilliseconds, nullptr));
  if (!http) return PrintProblem{PrintProblemKind::CupsNotRunning, "nothing answers as CUPS at " + host};
  httpSetTimeout(http.get(), kRequestSeconds, nullptr, nullptr);
  if (auto problem = printer_not_ready(http.get(), where.printer)) return *problem;

  const char* const printer = where.printer.c_str();
  // The job's title is what `lpstat` and the printer's own screen show to
  // anyone nearby: the same for every receipt, naming nobody.
  const int job = cupsCreateJob(http.get(), printer, "oneservice receipt", 0, nullptr);
  if (job == 0) return problem_from_last_error("creating the job");
  const auto cancelled = [&](const std::string& doing) {
    PrintProblem problem = problem_from_last_error(doing);
    cupsCancelJob2(http.get(), printer, job, 0);
    return problem;
  };
  if (cupsStartDocument(http.get(), printer, job, "receipt.pdf", CUPS_FORMAT_PDF, 1) != HTTP_STATUS_CONTINUE)
    return cancelled("starting the document");
  if (cupsWriteRequestData(http.get(), pdf.data(), pdf.size()) != HTTP_STATUS_CONTINUE)
    return cancelled("sending the document");
  if (cupsFinishDocument(http.get(), printer) > IPP_STATUS_OK_EVENTS_COMPLETE) return cancelled("finishing the document");
  return PrintJob{job};
}

std::variant<PrintJob, PrintProblem> print_receipt(const ReceiptText& text, const PrinterSetting& where) {
  auto pdf = render_receipt_pdf(text, where.paper);
  if (const auto* problem = std::get_if<RenderProblem>(&pdf)) return not_printable(*problem);
  return print_pdf(std::get<std::string>(pdf), where);
}

}  // namespace oneservice::receipt
