// Benchmark (not a test): the field officer's photo, from the shutter to a
// stored photo ready to send, and the memory five photos on a report take.
//   photo_capture_bench shutter [SHOTS] [PATTERN] [FORMAT] [SIZE]  shutter -> capture_jpeg -> prepare_photo -> write + fsync
//   photo_capture_bench jpegenc [SHOTS] [PATTERN] [FORMAT] [SIZE]  the design not taken: a jpegenc branch opened per shot
//   photo_capture_bench five [PATTERN] [FORMAT] [SIZE]             peak RSS with five prepared photos held, camera open
//   photo_capture_bench import                              peak RSS importing five 12-megapixel phone photos
// The camera is videotestsrc, 30 frames a second, live (as a tablet's
// camera). PATTERN is videotestsrc's (default snow: noise, the
// hardest picture for JPEG, so the slowest and largest; smpte, colour bars,
// is the easiest). FORMAT is what the camera sends (default YUY2, as UVC
// webcams do; NV12 or I420 for a tablet's own camera); SIZE its frames
// (default 1920x1080, which is not scaled: 2048 px is the limit; 3840x2160
// is). Times are wall clock per shot: the median, 90th percentile and
// worst of SHOTS (default 30).
#include <fcntl.h>
#include <malloc.h>
#include <sys/wait.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <turbojpeg.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "imaging/prepare_photo.h"
#include "platform/camera/camera.h"

using namespace oneservice;
using Clock = std::chrono::steady_clock;

namespace {

std::string pattern = "snow", format = "YUY2", frame_size = "1920x1080";

std::string source() {
  const auto x = frame_size.find('x');
  return "videotestsrc is-live=true pattern=" + pattern + " ! video/x-raw,format=" + format +
         ",width=" + frame_size.substr(0, x) + ",height=" + frame_size.substr(x + 1) + ",framerate=30/1";
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of the calling thread, in ms: the shot's own work (capture,
// prepare and store all run on the thread that pressed the shutter), which
// other programs on a shared machine slow down far less than wall time.
double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// kB from /proc/self/status ("VmHWM" is the peak resident set).
long status_kb(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(field) + ":";
  while (std::getline(status, line))
    if (line.rfind(prefix, 0) == 0) return std::stol(line.substr(prefix.size()));
  return -1;
}

// What the outbox will do with a photo at the least: its own file, synced.
void store(const std::string& path, const std::string& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0 || ::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size()) || ::fsync(fd) != 0) {
    std::perror(path.c_str());
    std::exit(1);
  }
  ::close(fd);
}

void report(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
  std::printf("%-28s median %7.1f ms   p90 %7.1f ms   worst %7.1f ms\n", what, at(0.5), at(0.9), ms.back());
}

std::string folder() {
  char name[] = "/tmp/oneservice-photo-bench.XXXXXX";
  if (!::mkdtemp(name)) std::exit(1);
  return name;
}

std::unique_ptr<camera::Camera> open_camera() {
  camera::CameraProblem problem{};
  auto camera = camera::Camera::open(source(), 640, problem);
  if (!camera) {
    std::fprintf(stderr, "camera: %s\n", std::string(camera::describe(problem)).c_str());
    std::exit(1);
  }
  return camera;
}

imaging::PreparedPhoto prepare(const std::string& jpeg) {
  auto result = imaging::prepare_photo(jpeg);
  if (auto* problem = std::get_if<imaging::PhotoProblem>(&result)) {
    std::fprintf(stderr, "prepare_photo: %s\n", problem->reason.c_str());
    std::exit(1);
  }
  return std::get<imaging::PreparedPhoto>(std::move(result));
}

int shutter(int shots) {
  const auto camera = open_camera();
  const auto out = folder();
  std::vector<double> total, capture, prepared, stored, cpu;
  std::size_t bytes = 0;
  for (int i = 0; i < shots; ++i) {
    // An officer's shots are seconds apart: the camera runs in between.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto pressed = Clock::now();
    const double cpu_at_press = thread_cpu_ms();
    const auto jpeg = camera->capture_jpeg();
    if (!jpeg) return std::fprintf(stderr, "no still\n"), 1;
    capture.push_back(ms_since(pressed));
    auto t = Clock::now();
    const auto photo = prepare(*jpeg);
    prepared.push_back(ms_since(t));
    t = Clock::now();
    store(out + "/photo-" + std::to_string(i) + ".jpg", photo.jpeg);
    stored.push_back(ms_since(t));
    total.push_back(ms_since(pressed));
    cpu.push_back(thread_cpu_ms() - cpu_at_press);
    bytes += photo.jpeg.size();
  }
  std::printf("%d shots, %s %s %s, stored photos average %zu kB\n", shots, frame_size.c_str(), format.c_str(),
              pattern.c_str(), bytes / shots / 1024);
  report("shutter -> stored photo", total);
  report("  capture_jpeg", capture);
  report("  prepare_photo", prepared);
  report("  write + fsync", stored);
  report("CPU of the shot (its thread)", cpu);
  std::string cleanup = "rm -rf " + out;
  return std::system(cleanup.c_str());
}

// The design not taken, measured the same way: the full-size branch runs
// jpegenc, behind a valve opened only for a shot, so a shot waits for the
// next frame to be encoded.
int jpegenc(int shots) {
  gst_init(nullptr, nullptr);
  GError* error = nullptr;
  GstElement* pipeline = gst_parse_launch(
      (source() + " ! tee name=t t. ! queue leaky=downstream ! videoscale ! videoconvert ! "
                             "video/x-raw,format=RGBA,width=640 ! appsink max-buffers=1 drop=true sync=false "
                             "t. ! queue leaky=downstream ! valve name=shutter drop=true ! jpegenc quality=92 ! "
                             "appsink name=still max-buffers=1 drop=true sync=false")
          .c_str(),
      &error);
  if (!pipeline) return std::fprintf(stderr, "%s\n", error->message), 1;
  GstElement* valve = gst_bin_get_by_name(GST_BIN(pipeline), "shutter");
  GstElement* still = gst_bin_get_by_name(GST_BIN(pipeline), "still");
  gst_element_set_state(pipeline, GST_STATE_PLAYING);
  gst_element_get_state(pipeline, nullptr, nullptr, 5 * GST_SECOND);
  const auto out = folder();
  std::vector<double> total, capture;
  for (int i = 0; i < shots; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto pressed = Clock::now();
    g_object_set(valve, "drop", FALSE, nullptr);
    GstSample* sample = gst_app_sink_try_pull_sample(GST_APP_SINK(still), 2 * GST_SECOND);
    g_object_set(valve, "drop", TRUE, nullptr);
    if (!sample) return std::fprintf(stderr, "no still\n"), 1;
    GstMapInfo map;
    GstBuffer* buffer = gst_sample_get_buffer(sample);
    gst_buffer_map(buffer, &map, GST_MAP_READ);
    const std::string jpeg(reinterpret_cast<const char*>(map.data), map.size);
    gst_buffer_unmap(buffer, &map);
    gst_sample_unref(sample);
    capture.push_back(ms_since(pressed));
    const auto photo = prepare(jpeg);
    store(out + "/photo-" + std::to_string(i) + ".jpg", photo.jpeg);
    total.push_back(ms_since(pressed));
    // Drop what the valve let through after the shot, so the next shot
    // does not find a frame encoded before it was pressed.
    while (GstSample* stale = gst_app_sink_try_pull_sample(GST_APP_SINK(still), 100 * GST_MSECOND))
      gst_sample_unref(stale);
  }
  std::printf("%d shots, %s %s %s, jpegenc branch\n", shots, frame_size.c_str(), format.c_str(), pattern.c_str());
  report("shutter -> stored photo", total);
  report("  jpegenc still", capture);
  gst_element_set_state(pipeline, GST_STATE_NULL);
  gst_object_unref(valve);
  gst_object_unref(still);
  gst_object_unref(pipeline);
  std::string cleanup = "rm -rf " + out;
  return std::system(cleanup.c_str());
}

int five_on_a_report() {
  const long before = status_kb("VmRSS");
  const auto camera = open_camera();
  const long camera_open = status_kb("VmRSS");
  std::vector<imaging::PreparedPhoto> photos;  // as the photos screen holds them
  std::size_t bytes = 0;
  for (int i = 0; i < 5; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto jpeg = camera->capture_jpeg();
    if (!jpeg) return std::fprintf(stderr, "no still\n"), 1;
    photos.push_back(prepare(*jpeg));
    bytes += photos.back().jpeg.size();
    std::printf("photo %d: RSS %ld kB\n", i + 1, status_kb("VmRSS"));
  }
  std::printf("five photos from the camera (%s %s %s), %zu kB of JPEG held, each %dx%d\n", frame_size.c_str(),
              format.c_str(), pattern.c_str(), bytes / 1024, photos[0].width, photos[0].height);
  std::printf("RSS before the camera %ld kB, camera open %ld kB, with five photos %ld kB, peak (VmHWM) %ld kB\n",
              before, camera_open, status_kb("VmRSS"), status_kb("VmHWM"));
  // What of that is memory malloc keeps for reuse, not the photos.
  malloc_trim(0);
  std::printf("RSS after malloc_trim %ld kB\n", status_kb("VmRSS"));
  return 0;
}

// A 4000x3000 photo-like JPEG (noise on gradients), as a phone's camera app leaves.
std::string phone_photo(unsigned seed) {
  const int width = 4000, height = 3000;
  std::vector<unsigned char> rgb(static_cast<std::size_t>(width) * height * 3);
  std::mt19937 noise(seed);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      auto* p = &rgb[(static_cast<std::size_t>(y) * width + x) * 3];
      p[0] = static_cast<unsigned char>(x * 200 / width + noise() % 40);
      p[1] = static_cast<unsigned char>(noise() % 60 + 60);
      p[2] = static_cast<unsigned char>(y * 200 / height + noise() % 40);
    }
  tjhandle handle = tjInitCompress();
  unsigned char* out = nullptr;
  unsigned long size = 0;
  tjCompress2(handle, rgb.data(), width, 0, height, TJPF_RGB, &out, &size, TJSAMP_420, 92, 0);
  tjDestroy(handle);
  std::string jpeg(reinterpret_cast<const char*>(out), size);
  tjFree(out);
  return jpeg;
}

int import_five() {
  const auto in = folder();
  // The originals are made by a child process, so the pictures they are
  // encoded from do not count in this process's peak.
  const pid_t child = ::fork();
  if (child == 0) {
    for (unsigned i = 0; i < 5; ++i) {
      const auto jpeg = phone_photo(i);
      std::ofstream(in + "/IMG_000" + std::to_string(i) + ".JPG", std::ios::binary) << jpeg;
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  const long start_peak = status_kb("VmHWM");
  std::vector<imaging::PreparedPhoto> photos;  // as the photos screen holds them
  std::vector<double> ms;
  std::size_t original_bytes = 0, bytes = 0;
  for (const auto& path : imaging::importable_photos(in)) {
    const auto t = Clock::now();
    std::ifstream file(path, std::ios::binary);
    const std::string original((std::istreambuf_iterator<char>(file)), {});
    photos.push_back(prepare(original));
    ms.push_back(ms_since(t));
    original_bytes += original.size();
    bytes += photos.back().jpeg.size();
  }
  if (photos.size() != 5) return std::fprintf(stderr, "expected five imports\n"), 1;
  std::printf("five 4000x3000 imports read one at a time (%zu kB of originals), %zu kB prepared, each %dx%d\n",
              original_bytes / 1024, bytes / 1024, photos[0].width, photos[0].height);
  std::printf("peak RSS before %ld kB; with five prepared photos RSS %ld kB, peak (VmHWM) %ld kB\n", start_peak,
              status_kb("VmRSS"), status_kb("VmHWM"));
  malloc_trim(0);
  std::printf("RSS after malloc_trim %ld kB\n", status_kb("VmRSS"));
  report("  read + prepare_photo (12 MP)", ms);
  std::string cleanup = "rm -rf " + in;
  return std::system(cleanup.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "shutter";
  const bool shots_given = mode == "shutter" || mode == "jpegenc";
  const int shots = shots_given && argc > 2 ? std::stoi(argv[2]) : 30;
  const int rest = shots_given ? 3 : 2;
  if (argc > rest) pattern = argv[rest];
  if (argc > rest + 1) format = argv[rest + 1];
  if (argc > rest + 2) frame_size = argv[rest + 2];
  if (mode == "shutter") return shutter(shots);
  if (mode == "jpegenc") return jpegenc(shots);
  if (mode == "five") return five_on_a_report();
  if (mode == "import") return import_five();
  std::fprintf(stderr,
               "usage: photo_capture_bench shutter|jpegenc [SHOTS] [PATTERN] [FORMAT] [SIZE] | five [PATTERN] [FORMAT] "
               "[SIZE] | import\n");
  return 2;
}
