/** Placeholder rows while the first page loads. */
export function Skeleton() {
  return (
    <div class="skeleton" aria-busy="true">
      <p class="sr-only" role="status">
        Loading trending hashtags…
      </p>
      {Array.from({ length: 8 }, (_, i) => (
        <div class="sk" key={i} />
      ))}
    </div>
  );
}
