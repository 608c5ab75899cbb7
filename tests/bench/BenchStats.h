#pragma once

// The statistics every benchmark program prints (tests/bench/README.md): one definition of the median
// and of a quantile, and this thread's CPU time (what a figure is without the load of other processes).
#include <algorithm>
#include <cmath>
#include <ctime>
#include <vector>

namespace lda::bench {

// The median; of an even count, the mean of the two middle values.
inline double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2.0;
}

// Nearest rank: the smallest value with at least q (0..1) of the samples at or below it.
inline double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const double rank = std::ceil(q * double(v.size()));
    return v[rank < 1.0 ? 0 : std::min(v.size(), static_cast<std::size_t>(rank)) - 1];
}

inline double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

} // namespace lda::bench
