// Arithmetic of every C type: fixed-width integers signed and unsigned (wrapping, shifts,
// division with negative operands, conversions), float and double (the operators, libm,
// printing), bit counting; a checksum of everything at the end.
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t checksum = 0xcbf29ce484222325ull;

static void mix(uint64_t v) {
    for (int i = 0; i < 8; i++) {
        checksum ^= (v >> (8 * i)) & 0xff;
        checksum *= 0x100000001b3ull;
    }
}

static void mix_double(double d) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    mix(bits);
}

// Operands come from a table, so the compiler cannot fold the results.
static const int64_t samples[] = {
    0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 100, -100, 127, -128, 128, 255, 256, -255,
    32767, -32768, 65535, 65536, 2147483647LL, -2147483647LL - 1, 4294967295LL,
    4294967296LL, 1234567890123LL, -987654321987LL, INT64_MAX, INT64_MIN, 0x5555555555555555LL,
};
#define NSAMPLES (int)(sizeof samples / sizeof samples[0])

static void integers(void) {
    printf("== integers\n");
    for (int i = 0; i < NSAMPLES; i++) {
        int64_t v = samples[i];
        int8_t s8 = (int8_t)v;
        uint8_t u8 = (uint8_t)v;
        int16_t s16 = (int16_t)v;
        uint16_t u16 = (uint16_t)v;
        int32_t s32 = (int32_t)v;
        uint32_t u32 = (uint32_t)v;
        uint64_t u64 = (uint64_t)v;
        printf("%" PRId64 ": s8 %d u8 %u s16 %d u16 %u s32 %" PRId32 " u32 %" PRIu32 " u64 %" PRIu64 "\n", v, s8,
               u8, s16, u16, s32, u32, u64);
        // Promotions: int8 arithmetic happens in int.
        int sum8 = s8 + s8, prod8 = s8 * 3;
        uint8_t wrap8 = (uint8_t)(u8 + 200);
        uint16_t wrap16 = (uint16_t)(u16 * 3u + 60000u);
        uint32_t wrap32 = u32 * 2654435761u + 0x9e3779b9u;
        uint64_t wrap64 = u64 * 0x9e3779b97f4a7c15ull + 12345;
        printf("  sum8 %d prod8 %d wrap8 %u wrap16 %u wrap32 %" PRIu32 " wrap64 %" PRIu64 "\n", sum8, prod8, wrap8,
               wrap16, wrap32, wrap64);
        printf("  ~u32 %08" PRIx32 " -u32 %" PRIu32 " ~u64 %016" PRIx64 " -u64 %" PRIu64 "\n", ~u32, -u32, ~u64,
               -u64);
        for (int sh = 0; sh < 64; sh += 7) {
            uint64_t l = u64 << sh, r = u64 >> sh;
            int64_t ar = v >> sh;
            uint32_t l32 = u32 << (sh & 31), r32 = u32 >> (sh & 31);
            int32_t ar32 = s32 >> (sh & 31);
            mix(l);
            mix(r);
            mix((uint64_t)ar);
            mix(l32 ^ ((uint64_t)r32 << 32));
            mix((uint64_t)(int64_t)ar32);
            if (sh == 7 || sh == 35)
                printf("  shift %d: %016" PRIx64 " %016" PRIx64 " %" PRId64 " %08" PRIx32 " %08" PRIx32 " %" PRId32
                       "\n",
                       sh, l, r, ar, l32, r32, ar32);
        }
        // Rotations, written the usual way.
        uint32_t rot32 = (u32 << 13) | (u32 >> 19);
        uint64_t rot64 = (u64 >> 17) | (u64 << 47);
        printf("  rot %08" PRIx32 " %016" PRIx64 "\n", rot32, rot64);
        mix(rot32);
        mix(rot64);
    }
}

static void division(void) {
    printf("== division\n");
    static const int32_t nums[] = {7, -7, 13, -13, 100, -100, 0, 1, -1, INT32_MAX, INT32_MIN + 1, 1000000007};
    static const int32_t dens[] = {1, -1, 2, -2, 3, -3, 7, -7, 10, 64, -64, 1000};
    for (unsigned i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        for (unsigned j = 0; j < sizeof dens / sizeof dens[0]; j++) {
            int32_t a = nums[i], b = dens[j];
            int32_t q = a / b, r = a % b;
            uint32_t uq = (uint32_t)a / (uint32_t)b, ur = (uint32_t)a % (uint32_t)b;
            int64_t a64 = (int64_t)a * 1000003, b64 = b;
            int64_t q64 = a64 / b64, r64 = a64 % b64;
            uint64_t uq64 = (uint64_t)a64 / (uint64_t)b64, ur64 = (uint64_t)a64 % (uint64_t)b64;
            int16_t a16 = (int16_t)a, b16 = (int16_t)b;
            int q16 = a16 / b16, r16 = a16 % b16;
            int8_t a8 = (int8_t)a, b8 = (int8_t)b;
            int q8 = a8 / b8, r8 = a8 % b8;
            if (j % 4 == 0)
                printf("%d/%d = %d r %d; u %u r %u; 64: %" PRId64 " r %" PRId64 " u %" PRIu64 " r %" PRIu64
                       "; 16: %d r %d; 8: %d r %d\n",
                       a, b, q, r, uq, ur, q64, r64, uq64, ur64, q16, r16, q8, r8);
            mix((uint64_t)q ^ ((uint64_t)(uint32_t)r << 32));
            mix(uq ^ ((uint64_t)ur << 32));
            mix((uint64_t)q64);
            mix((uint64_t)r64);
            mix(uq64);
            mix(ur64);
            mix((uint64_t)(q16 * 65536 + r16));
            mix((uint64_t)(q8 * 256 + r8));
        }
    }
    // Powers of two through signed division and shifts.
    for (int64_t v = -1000; v <= 1000; v += 333)
        printf("%" PRId64 " / 8 = %" PRId64 ", >> 3 = %" PRId64 ", %% 8 = %" PRId64 ", & 7 = %" PRId64 "\n", v, v / 8,
               v >> 3, v % 8, v & 7);
}

static void conversions(void) {
    printf("== conversions\n");
    static const double values[] = {0.0,    -0.0,        0.5,          -0.5,       0.9999999,   1.5,
                                    -1.5,   2.5,         -2.5,         127.9,      -128.9,      255.99,
                                    3.7e4,  -3.27e4,     65535.5,      2.1e9,      -2.1e9,      4.2e9,
                                    1e15,   -1e15,       9.007199254740993e15, 1.8e19, 3.14159265358979,
                                    1e-300, 6.02214076e23};
    for (unsigned i = 0; i < sizeof values / sizeof values[0]; i++) {
        double d = values[i];
        float f = (float)d;
        printf("%.17g: float %.9g", d, (double)f);
        // Only conversions whose results are defined in C.
        if (d > -129.0 && d < 128.0) printf(" s8 %d", (int8_t)d);
        if (d > -1.0 && d < 256.0) printf(" u8 %u", (uint8_t)d);
        if (d > -32769.0 && d < 32768.0) printf(" s16 %d", (int16_t)d);
        if (d > -1.0 && d < 65536.0) printf(" u16 %u", (uint16_t)d);
        if (d > -2147483649.0 && d < 2147483648.0) printf(" s32 %" PRId32, (int32_t)d);
        if (d > -1.0 && d < 4294967296.0) printf(" u32 %" PRIu32, (uint32_t)d);
        if (d > -9.3e18 && d < 9.2e18) printf(" s64 %" PRId64, (int64_t)d);
        if (d > -1.0 && d < 1.8e19) printf(" u64 %" PRIu64, (uint64_t)d);
        if (f > -2147483649.0f && f < 2147483648.0f) printf(" fs32 %" PRId32, (int32_t)f);
        if (f > -1.0f && f < 1.8e19f) printf(" fu64 %" PRIu64, (uint64_t)f);
        printf("\n");
        mix_double(d);
        mix_double((double)f);
    }
    // Integers to floating point, including the ones that must round.
    for (int i = 0; i < NSAMPLES; i++) {
        int64_t v = samples[i];
        uint64_t u = (uint64_t)v;
        int32_t s32 = (int32_t)v;
        uint32_t u32 = (uint32_t)v;
        double a = (double)v, b = (double)u, c = (double)s32, e = (double)u32;
        float fa = (float)v, fb = (float)u, fc = (float)s32, fe = (float)u32;
        printf("%" PRId64 ": %.17g %.17g %.17g %.17g | %.9g %.9g %.9g %.9g\n", v, a, b, c, e, (double)fa, (double)fb,
               (double)fc, (double)fe);
        mix_double(a + b + c + e);
        mix_double((double)fa + fb + fc + fe);
    }
    // Values that sit between two floats: round to nearest even.
    uint64_t tricky[] = {0x20000000000001ull, 0x20000000000003ull, 0xffffffffffffffffull, 0x8000000000000401ull,
                         0x1000001ull, 0x1000003ull, 0xffffff7fffffffffull};
    for (unsigned i = 0; i < sizeof tricky / sizeof tricky[0]; i++)
        printf("%" PRIu64 " -> %.17g / %.9g; signed %.17g / %.9g\n", tricky[i], (double)tricky[i],
               (double)(float)tricky[i], (double)(int64_t)tricky[i], (double)(float)(int64_t)tricky[i]);
    // Truncating casts between integer types.
    int64_t big = 0x123456789abcdef0LL;
    printf("truncations: %d %d %" PRId32 " %u %u %" PRIu32 "\n", (int8_t)big, (int16_t)big, (int32_t)big,
           (uint8_t)big, (uint16_t)big, (uint32_t)big);
    int8_t neg8 = -5;
    printf("widenings: %d %u %" PRId64 " %" PRIu64 " %u\n", (int)neg8, (unsigned)neg8, (int64_t)neg8, (uint64_t)neg8,
           (uint16_t)neg8);
    char c = (char)200;
    unsigned char uc = (unsigned char)-1;
    printf("chars: %d %d %d\n", c, uc, (signed char)uc);
}

static void floating(void) {
    printf("== floating point\n");
    double xs[] = {1.0, -2.5, 3.0, 0.1, 1e-10, 12345.678, -0.0, 1e308, 5e-324, 2.2250738585072014e-308};
    int n = sizeof xs / sizeof xs[0];
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j += 3) {
            double a = xs[i], b = xs[j];
            double s = a + b, d = a - b, m = a * b, q = a / b;
            printf("%g %g: %.17g %.17g %.17g %.17g\n", a, b, s, d, m, q);
            mix_double(s);
            mix_double(d);
            mix_double(m);
            mix_double(q);
            float fa = (float)a, fb = (float)b;
            float fs = fa + fb, fd = fa - fb, fm = fa * fb, fq = fa / fb;
            printf("  float: %.9g %.9g %.9g %.9g\n", fs, fd, fm, fq);
        }
    }
    // Summing a series the naive way shows rounding exactly.
    double sum = 0;
    float fsum = 0;
    for (int i = 1; i <= 100000; i++) {
        sum += 1.0 / i;
        fsum += 1.0f / (float)i;
    }
    printf("harmonic(100000) = %.17g (float %.9g)\n", sum, fsum);
    mix_double(sum);
    double kahan = 0, comp = 0;
    for (int i = 1; i <= 100000; i++) {
        double y = 1.0 / ((double)i * i) - comp;
        double t = kahan + y;
        comp = (t - kahan) - y;
        kahan = t;
    }
    printf("basel(100000) = %.17g, pi^2/6 = %.17g\n", kahan, M_PI * M_PI / 6);
    mix_double(kahan);
}

static void library(void) {
    printf("== libm\n");
    for (int i = -8; i <= 8; i++) {
        double x = i * 0.75 + 0.125;
        double r = sqrt(fabs(x)), fl = floor(x), ce = ceil(x), fm = fmod(x, 1.3), tr = trunc(x), ro = round(x);
        printf("x %.4f: sqrt|x| %.17g fabs %g floor %g ceil %g fmod %.17g trunc %g round %g\n", x, r, fabs(x), fl, ce,
               fm, tr, ro);
        mix_double(r);
        mix_double(fm);
        // Transcendental functions may differ in the last bit between C libraries: 12 digits.
        printf("  sin %.12g cos %.12g exp %.12g log|x| %.12g pow(|x|,1.5) %.12g atan2 %.12g tanh %.12g\n", sin(x),
               cos(x), exp(x), log(fabs(x)), pow(fabs(x), 1.5), atan2(x, 2.0), tanh(x));
        float fx = (float)x;
        printf("  float: sqrtf %.9g floorf %g fmodf %.9g sinf %.6g expf %.6g\n", sqrtf(fabsf(fx)), floorf(fx),
               fmodf(fx, 1.3f), sinf(fx), expf(fx));
    }
    printf("pow: %g %g %g %g %.17g\n", pow(2, 10), pow(2, -3), pow(-2, 3), pow(10, 15), pow(3, 0.5) * pow(3, 0.5));
    printf("ldexp %g frexp ", ldexp(0.75, 10));
    int e;
    double m = frexp(1234.5, &e);
    printf("%g*2^%d modf ", m, e);
    double ip, fp = modf(-3.75, &ip);
    printf("%g %g hypot %.17g cbrt %.12g\n", ip, fp, hypot(3, 4), cbrt(27.0));
}

static void specials(void) {
    printf("== NaN and infinity\n");
    volatile double zero = 0.0;
    double inf = 1.0 / zero, ninf = -1.0 / zero;
    double nan = NAN;
    printf("inf %f %e %g %.17g; -inf %f %g; nan %f %e %g\n", inf, inf, inf, inf, ninf, ninf, nan, nan, nan);
    printf("widths [%8.3f] [%-8g] [%+g] [%08.2f]\n", inf, ninf, inf, nan);
    printf("upper %F %E %G\n", inf, ninf, nan);
    double computed = sqrt(zero - 1.0);
    printf("sqrt(-1) isnan %d, 0/0 isnan %d, inf-inf isnan %d, inf*0 isnan %d\n", isnan(computed) != 0,
           isnan(zero / zero) != 0, isnan(inf - inf) != 0, isnan(inf * zero) != 0);
    printf("isinf %d %d %d isfinite %d %d signbit %d %d\n", isinf(inf) != 0, isinf(ninf) != 0, isinf(nan) != 0,
           isfinite(1e308) != 0, isfinite(inf) != 0, signbit(-0.0) != 0, signbit(ninf) != 0);
    // Every comparison with NaN is false except !=.
    double vals[] = {nan, 1.0, inf, -0.0, 0.0};
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++) {
            double a = vals[i], b = vals[j];
            printf("%d%d%d%d%d%d ", a < b, a <= b, a > b, a >= b, a == b, a != b);
        }
    printf("\n");
    printf("fmax/fmin with nan: %g %g; fabs(-nan) %g; copysign %g %g\n", fmax(nan, 2.0), fmin(3.0, nan),
           fabs(-nan), copysign(3.0, -0.0), copysign(inf, -1.0));
    printf("overflow %g underflow %g denormal %g %.17g\n", 1e308 * 10, 1e-308 / 1e100, 5e-324, DBL_MIN / 4);
    printf("float limits %.9g %.9g %.9g; double %.17g %.17g\n", FLT_MAX, FLT_MIN, FLT_EPSILON, DBL_MAX,
           DBL_EPSILON);
    float finf = (float)inf, fbig = (float)1e300;
    printf("float of inf %f, of 1e300 %f\n", finf, fbig);
}

static void formatting(void) {
    printf("== formatting\n");
    long long lls[] = {0, 1, -1, 9223372036854775807LL, -9223372036854775807LL - 1, 1000000000000LL};
    for (int i = 0; i < 6; i++) {
        long long v = lls[i];
        printf("[%lld] [%20lld] [%-20lld] [%+lld] [%llu] [%llx] [%llX] [%#llo] [%020lld]\n", v, v, v, v,
               (unsigned long long)v, (unsigned long long)v, (unsigned long long)v, (unsigned long long)v, v);
    }
    double ds[] = {0, 1, -1, 0.1, 123456789.0, 1e-5, 1e21, 1.0 / 3, 2.5, 0.125, 999999.5, 1e100};
    for (int i = 0; i < 12; i++) {
        double d = ds[i];
        printf("%f | %.0f | %.3f | %e | %.2e | %g | %.3g | %.17g | %10.4f | %-12.3e|\n", d, d, d, d, d, d, d, d, d,
               d);
    }
}

static void bits(void) {
    printf("== bits\n");
    uint64_t x = 0x0123456789abcdefull;
    for (int i = 0; i < 20; i++) {
        uint32_t lo = (uint32_t)x;
        printf("%016" PRIx64 ": popcount %d/%d clz %d/%d ctz %d/%d parity %d bswap %08" PRIx32 "\n", x,
               __builtin_popcountll(x), __builtin_popcount(lo), x ? __builtin_clzll(x) : 64,
               lo ? __builtin_clz(lo) : 32, x ? __builtin_ctzll(x) : 64, lo ? __builtin_ctz(lo) : 32,
               __builtin_parityll(x), __builtin_bswap32(lo));
        // Counting bits by hand, the classic way.
        int count = 0;
        for (uint64_t y = x; y; y &= y - 1) count++;
        if (count != __builtin_popcountll(x)) printf("popcount mismatch\n");
        mix((uint64_t)count);
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        x >>= (i % 5) * 7;
    }
}

int main(void) {
    integers();
    division();
    conversions();
    floating();
    library();
    specials();
    formatting();
    bits();
    printf("checksum %016" PRIx64 "\n", checksum);
    return 0;
}
