//! [`run_ordered`]: parallel map, ordered output.

use rayon::prelude::*;

/// Map `items` through `work` on the current rayon pool and hand each result to `sink` in input
/// order.
///
/// Items are taken `chunk` at a time, so memory stays bounded however long the input is: a chunk
/// is processed in parallel, then its results go to the sink in order while nothing else runs.
/// The sink may stop the run early by returning an error (a closed pipe, say), which is returned.
pub fn run_ordered<I, T, R, E>(
    items: I,
    chunk: usize,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    I: Iterator<Item = T>,
    T: Send,
    R: Send,
{
    let chunk = chunk.max(1);
    let mut items = items.peekable();
    let mut batch: Vec<T> = Vec::with_capacity(chunk);
    // `batch` is handed to rayon whole each round and refilled.
    while items.peek().is_some() {
        batch.extend(items.by_ref().take(chunk));
        let results: Vec<R> = std::mem::take(&mut batch)
            .into_par_iter()
            .map(&work)
            .collect();
        for result in results {
            sink(result)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_keeps_input_order_on_many_threads() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let mut out = Vec::new();
        pool.install(|| {
            run_ordered(
                0..1000u64,
                37,
                |i| {
                    // Uneven work so threads finish out of order.
                    std::thread::sleep(std::time::Duration::from_micros((i * 7919) % 50));
                    i * 2
                },
                |r| {
                    out.push(r);
                    Ok::<(), ()>(())
                },
            )
        })
        .unwrap();
        assert_eq!(out, (0..1000u64).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn sink_error_stops_the_run() {
        let mut seen = 0;
        let result = run_ordered(
            0..100,
            10,
            |i| i,
            |i| {
                seen += 1;
                if i == 15 { Err("closed") } else { Ok(()) }
            },
        );
        assert_eq!(result, Err("closed"));
        assert_eq!(seen, 16);
    }
}
