// Floating point without calls: how many points of a 600 x 400 grid stay in the set.
#include <stdio.h>
int main(void) {
    int inside = 0, w = 600, h = 400;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            double cr = -2.0 + 3.0 * x / w, ci = -1.0 + 2.0 * y / h, zr = 0, zi = 0;
            int k = 0;
            while (k < 200 && zr * zr + zi * zi < 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                k++;
            }
            inside += k == 200;
        }
    printf("%d of %d points inside\n", inside, w * h);
    return 0;
}
