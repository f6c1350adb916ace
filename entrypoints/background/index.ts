export default defineBackground(() => {
  console.log('Regulars background');
});
