export default defineBackground(() => {
  // Wired by the data service (issue 3).
});
