// Real WebDAV servers for the sync tests, each started on 127.0.0.1 from a generated config in a
// scratch folder and stopped at the end: Apache with mod_dav_fs (keeps conditional writes) and
// nginx's dav module (ignores them). `perform` makes an engine's request with curl, as fetch would.
#pragma once
#include "cli_helpers.hpp"
#include "core/sync.hpp"

#include <arpa/inet.h>
#include <chrono>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>

namespace cli_test {

// A port nobody listens on now.
inline int freePort() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t n = sizeof a;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &n);
    ::close(s);
    return ntohs(a.sin_port);
}

inline int sh(const std::string& cmd) { return std::system(cmd.c_str()); }

// One HTTP exchange through curl: the request's method, headers and body; the status, ETag and body.
inline plotline::HttpResponse perform(const plotline::HttpRequest& q, const Scratch& s) {
    spit(s / "request.body", q.body);
    std::string cmd = "curl -s --max-time 10 -X " + q.method + " -D " + quote((s / "response.head").string()) + " -o " +
                      quote((s / "response.body").string());
    for (const auto& [k, v] : q.headers) cmd += " -H " + quote(k + ": " + v);
    if (q.method == "PUT") cmd += " --data-binary @" + quote((s / "request.body").string());
    cmd += " " + quote(q.url);
    fs::remove(s / "response.head");
    fs::remove(s / "response.body");
    plotline::HttpResponse r;
    if (sh(cmd) != 0) {
        r.networkError = "curl failed";
        return r;
    }
    std::istringstream head(slurp(s / "response.head"));
    for (std::string line; std::getline(head, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind("HTTP/", 0) == 0) r.status = std::atoi(line.c_str() + line.find(' ') + 1);
        else if (line.size() > 6 && (line.rfind("ETag: ", 0) == 0 || line.rfind("etag: ", 0) == 0)) r.etag = line.substr(6);
    }
    if (fs::exists(s / "response.body")) r.body = slurp(s / "response.body");
    return r;
}

// Waits until the server answers at all.
inline bool answers(const std::string& url) {
    for (int i = 0; i < 100; ++i) {
        if (sh("curl -s -o /dev/null --max-time 1 " + quote(url)) == 0) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

struct ApacheDav {
    Scratch dir;
    int port = freePort();
    std::string base() const { return "http://127.0.0.1:" + std::to_string(port) + "/plans/"; }
    ApacheDav() {
        fs::create_directories(dir / "www/plans");
        fs::create_directories(dir / "lock");
        // Started as root, Apache serves as www-data: it must be able to write the folder.
        sh("chmod -R a+rwx " + quote(dir.dir.string()));
        spit(dir / "httpd.conf", "ServerRoot /etc/apache2\nServerName localhost\nPidFile " + (dir / "httpd.pid").string() +
                                     "\nListen 127.0.0.1:" + std::to_string(port) +
                                     "\nLoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so"
                                     "\nLoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so"
                                     "\nLoadModule dav_module /usr/lib/apache2/modules/mod_dav.so"
                                     "\nLoadModule dav_fs_module /usr/lib/apache2/modules/mod_dav_fs.so"
                                     "\nLoadModule headers_module /usr/lib/apache2/modules/mod_headers.so"
                                     "\nErrorLog " + (dir / "error.log").string() +
                                     "\nDavLockDB " + (dir / "lock/DavLock").string() +
                                     "\nDocumentRoot " + (dir / "www").string() +
                                     "\n<Directory " + (dir / "www").string() + ">\n  Dav On\n  Require all granted\n"
                                     "  Header always set Access-Control-Allow-Origin \"*\"\n"
                                     "  Header always set Access-Control-Allow-Methods \"GET, PUT, DELETE, OPTIONS\"\n"
                                     "  Header always set Access-Control-Allow-Headers \"If-Match, If-None-Match, Content-Type, Authorization\"\n"
                                     "  Header always set Access-Control-Expose-Headers \"ETag\"\n</Directory>\n");
        started = sh("apache2 -f " + quote((dir / "httpd.conf").string()) + " -k start 2>" + quote((dir / "start.log").string())) == 0 &&
                  answers(base());
    }
    ~ApacheDav() { sh("apache2 -f " + quote((dir / "httpd.conf").string()) + " -k stop 2>/dev/null; sleep 0.3"); }
    bool started = false;
};

struct NginxDav {
    Scratch dir;
    int port = freePort();
    std::string base() const { return "http://127.0.0.1:" + std::to_string(port) + "/plans/"; }
    NginxDav() {
        fs::create_directories(dir / "www/plans");
        fs::create_directories(dir / "tmp");
        sh("chmod -R a+rwx " + quote(dir.dir.string()));
        spit(dir / "nginx.conf", "daemon on;\npid " + (dir / "nginx.pid").string() + ";\nerror_log " + (dir / "error.log").string() +
                                     ";\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path " + (dir / "tmp").string() +
                                     ";\n  server {\n    listen 127.0.0.1:" + std::to_string(port) + ";\n    root " + (dir / "www").string() +
                                     ";\n    location / { dav_methods PUT DELETE; create_full_put_path on; }\n  }\n}\n");
        started = sh("nginx -c " + quote((dir / "nginx.conf").string()) + " -p " + quote(dir.dir.string()) + " 2>" +
                     quote((dir / "start.log").string())) == 0 &&
                  answers(base());
    }
    ~NginxDav() { sh("nginx -c " + quote((dir / "nginx.conf").string()) + " -p " + quote(dir.dir.string()) + " -s stop 2>/dev/null; sleep 0.2"); }
    bool started = false;
};

} // namespace cli_test
