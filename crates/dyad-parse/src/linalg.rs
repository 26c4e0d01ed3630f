//! The few dense operations the networks need, on row-major f32 slices.
//!
//! Matrix products go through `matrixmultiply::sgemm` (SIMD kernels, picked at run time). It takes raw
//! pointers, so it is wrapped once here: [`gemm_abt`] checks every length before the call, which makes
//! the call sound, and is the crate's only `unsafe`.

/// `c = a · bᵀ (+ c if accumulate)`, where `a` is `m × k`, `b` is `n × k` (a weight matrix stored
/// `[out, in]`, as thinc stores them) and `c` is `m × n`, all row-major.
///
/// # Panics
/// If a slice is shorter than its dimensions say: callers size them from the model's own shapes, which
/// the model loader has checked, so this is a programming error, never an input error.
pub(crate) fn gemm_abt(
    a: &[f32],
    b: &[f32],
    c: &mut [f32],
    m: usize,
    k: usize,
    n: usize,
    accumulate: bool,
) {
    gemm_abt_lda(a, k, b, c, m, k, n, accumulate);
}

/// [`gemm_abt`] with row `i` of `a` starting at `a[i · lda]` (`lda` may be smaller than `k`: rows
/// then overlap, which is how a window over consecutive rows is read without copying it).
///
/// # Panics
/// As [`gemm_abt`].
#[allow(clippy::too_many_arguments)]
pub(crate) fn gemm_abt_lda(
    a: &[f32],
    lda: usize,
    b: &[f32],
    c: &mut [f32],
    m: usize,
    k: usize,
    n: usize,
    accumulate: bool,
) {
    if m == 0 || n == 0 {
        return;
    }
    assert!(
        a.len() >= (m - 1) * lda + k && b.len() >= n * k && c.len() >= m * n,
        "gemm_abt: slice shorter than {m}x{k} (row stride {lda}) · ({n}x{k})ᵀ"
    );
    if k == 0 {
        if !accumulate {
            c.iter_mut().take(m * n).for_each(|v| *v = 0.0);
        }
        return;
    }
    let (k_i, n_i, lda_i) = (to_isize(k), to_isize(n), to_isize(lda));
    let beta = if accumulate { 1.0 } else { 0.0 };
    // SAFETY: row i of `a` is read at a[i·lda .. i·lda + k], inside `a` for i < m by the assert;
    // `b` holds at least n·k values read as the k × n matrix bᵀ (row stride 1, column stride k);
    // `c` holds at least m·n values written with row stride n. `a` and `b` are only read, `c` is a
    // distinct exclusive borrow, so nothing written aliases anything read, and the positive
    // strides of `c` visit no element twice.
    #[allow(unsafe_code)]
    unsafe {
        matrixmultiply::sgemm(
            m,
            k,
            n,
            1.0,
            a.as_ptr(),
            lda_i,
            1,
            b.as_ptr(),
            1,
            k_i,
            beta,
            c.as_mut_ptr(),
            n_i,
            1,
        );
    }
}

/// The multiply-add rate (per second) that the crate's matrix product reaches on this core for a
/// large product of the shapes the networks use (2048 rows × 288 inputs × 288 outputs), measured
/// for about `seconds`: the practical peak to compare the pipeline's effective rate with.
pub fn gemm_peak(seconds: f64) -> f64 {
    let (m, k, n) = (2048, 288, 288);
    let a: Vec<f32> = (0..m * k).map(|i| ((i % 97) as f32) * 0.01).collect();
    let b: Vec<f32> = (0..n * k).map(|i| ((i % 89) as f32) * 0.01).collect();
    let mut c = vec![0.0f32; m * n];
    let start = std::time::Instant::now();
    let mut runs = 0u64;
    while runs == 0 || start.elapsed().as_secs_f64() < seconds {
        gemm_abt(&a, &b, &mut c, m, k, n, false);
        runs += 1;
    }
    std::hint::black_box(&c);
    (runs as f64 * (m * k * n) as f64) / start.elapsed().as_secs_f64().max(1e-9)
}

fn to_isize(x: usize) -> isize {
    // Dimensions come from slices that exist in memory, which never exceed isize::MAX bytes.
    isize::try_from(x).unwrap_or(isize::MAX)
}

/// Dot product of two equally long slices (8 partial sums, so that it vectorises).
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// Maxout over `pieces` consecutive values: `out[i] = max(z[i*p .. i*p+p])`, the first maximum on ties.
pub(crate) fn maxout(z: &[f32], pieces: usize, out: &mut [f32]) {
    for (o, chunk) in out.iter_mut().zip(z.chunks_exact(pieces.max(1))) {
        let mut best = f32::NEG_INFINITY;
        for (p, &v) in chunk.iter().enumerate() {
            if p == 0 || v > best {
                best = v;
            }
        }
        *o = best;
    }
}

/// Maxout of rows laid out piece by piece: each row of `z` holds `pieces` blocks of `width`
/// values, and row r of `out` (`width` values) gets `out[i] = max over p of block_p[i]`.
pub(crate) fn maxout_planar(z: &[f32], pieces: usize, width: usize, out: &mut [f32]) {
    if width == 0 || pieces == 0 {
        return;
    }
    for (o, zr) in out
        .chunks_exact_mut(width)
        .zip(z.chunks_exact(width * pieces))
    {
        o.copy_from_slice(&zr[..width]);
        for block in zr.chunks_exact(width).skip(1) {
            for (a, &b) in o.iter_mut().zip(block) {
                *a = if b > *a { b } else { *a };
            }
        }
    }
}

/// Sum of `f(v)` over `row` in f64, with four running sums (so that the additions overlap).
fn sum_f64(row: &[f32], f: impl Fn(f32) -> f64) -> f64 {
    let (mut a, mut b, mut c, mut d) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    let chunks = row.chunks_exact(4);
    let tail: f64 = chunks.remainder().iter().map(|&v| f(v)).sum();
    for q in chunks {
        a += f(q[0]);
        b += f(q[1]);
        c += f(q[2]);
        d += f(q[3]);
    }
    (a + b) + (c + d) + tail
}

/// thinc's LayerNorm on each row of width `g.len()`: `(x - mean) * (var + 1e-8)^-½ * g + b`.
pub(crate) fn layer_norm(x: &mut [f32], g: &[f32], b: &[f32]) {
    let w = g.len();
    if w == 0 {
        return;
    }
    for row in x.chunks_exact_mut(w) {
        let mean = (sum_f64(row, f64::from) / w as f64) as f32;
        let var = (sum_f64(row, |v| {
            let d = f64::from(v - mean);
            d * d
        }) / w as f64) as f32
            + 1e-8;
        let inv = var.powf(-0.5);
        for ((v, &gi), &bi) in row.iter_mut().zip(g).zip(b) {
            *v = (*v - mean) * inv * gi + bi;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn naive_abt(a: &[f32], b: &[f32], m: usize, k: usize, n: usize) -> Vec<f32> {
        let mut c = vec![0.0; m * n];
        for i in 0..m {
            for j in 0..n {
                c[i * n + j] = (0..k).map(|t| a[i * k + t] * b[j * k + t]).sum();
            }
        }
        c
    }

    #[test]
    fn gemm_matches_naive_and_accumulates() {
        let (m, k, n) = (5, 7, 3);
        let a: Vec<f32> = (0..m * k).map(|i| (i as f32 * 0.37).sin()).collect();
        let b: Vec<f32> = (0..n * k).map(|i| (i as f32 * 0.11).cos()).collect();
        let mut c = vec![9.0; m * n];
        gemm_abt(&a, &b, &mut c, m, k, n, false);
        for (x, y) in c.iter().zip(naive_abt(&a, &b, m, k, n)) {
            assert!((x - y).abs() < 1e-5);
        }
        let mut c2 = vec![1.0; m * n];
        gemm_abt(&a, &b, &mut c2, m, k, n, true);
        for (x, y) in c2.iter().zip(naive_abt(&a, &b, m, k, n)) {
            assert!((x - (y + 1.0)).abs() < 1e-5);
        }
        // Degenerate shapes do nothing harmful.
        gemm_abt(&[], &b, &mut [], 0, k, n, false);
        let mut z = vec![3.0; 4];
        gemm_abt(&[], &[], &mut z, 2, 0, 2, false);
        assert_eq!(z, [0.0; 4]);
    }

    #[test]
    fn overlapping_rows_read_a_window() {
        // Rows of width 2; a window of 3 rows read with row stride 2 is 6 consecutive values.
        let x: Vec<f32> = (0..10).map(|i| i as f32).collect();
        let b: Vec<f32> = (0..12).map(|i| (i % 5) as f32 - 2.0).collect();
        let (m, k, n) = (3, 6, 2);
        let mut c = vec![0.0; m * n];
        gemm_abt_lda(&x, 2, &b, &mut c, m, k, n, false);
        let windows: Vec<f32> = (0..m).flat_map(|i| x[2 * i..2 * i + 6].to_vec()).collect();
        assert_eq!(c, naive_abt(&windows, &b, m, k, n));
    }

    #[test]
    fn maxout_takes_the_max_of_each_group() {
        let mut out = [0.0; 2];
        maxout(&[1.0, 3.0, 2.0, -1.0, -5.0, -0.5], 3, &mut out);
        assert_eq!(out, [3.0, -0.5]);
    }

    #[test]
    fn planar_maxout_matches_interleaved() {
        // Two rows, width 2, 3 pieces; interleaved layout [o0p0 o0p1 o0p2 o1p0 …].
        let inter = [
            1.0, 5.0, 2.0, -1.0, -3.0, -2.0, 0.0, 0.5, 9.0, 4.0, 4.0, 4.0,
        ];
        let mut planar = Vec::new();
        for row in inter.chunks(6) {
            for p in 0..3 {
                planar.extend([row[p], row[3 + p]]);
            }
        }
        let (mut a, mut b) = ([0.0; 4], [0.0; 4]);
        maxout(&inter, 3, &mut a);
        maxout_planar(&planar, 3, 2, &mut b);
        assert_eq!(a, b);
        assert_eq!(a, [5.0, -1.0, 9.0, 4.0]);
    }

    #[test]
    fn layer_norm_centres_and_scales() {
        let mut x = vec![1.0, 2.0, 3.0, 4.0];
        layer_norm(&mut x, &[1.0; 4], &[0.0; 4]);
        let mean: f32 = x.iter().sum::<f32>() / 4.0;
        let var: f32 = x.iter().map(|v| v * v).sum::<f32>() / 4.0;
        assert!(mean.abs() < 1e-6 && (var - 1.0).abs() < 1e-5);
        let mut c = vec![5.0; 3];
        layer_norm(&mut c, &[2.0; 3], &[0.5; 3]);
        assert_eq!(c, [0.5; 3]);
    }
}
