using System.Threading.Tasks;
using static Geo.Tiles.TileCache;
using static Geo.Tiles.Projection;

namespace Geo.Tiles
{
    public static class TileCache
    {
        public static byte[] Fetch(int x, int y) => new byte[0];
        public static Task<byte[]> FetchAsync(int x, int y) => Task.FromResult(new byte[0]);
        public static void Evict<T>() { }
        public static Task EvictAsync<T>() => Task.CompletedTask;
    }

    public static class Projection
    {
        public static double Scale(int zoom) => zoom;
        public static Task<double> ScaleAsync(int zoom) => Task.FromResult((double)zoom);
    }

    public class Renderer
    {
        public async Task<int> DrawAsync(int x, int y)
        {
            var tile = Fetch(x, y); // want ASY006
            Evict<int>(); // want ASY006
            await Task.Yield();
            return tile.Length;
        }

        public async Task<double> ZoomAsync(int zoom)
        {
            await Task.Yield();
            return Scale(zoom);
        }

        private double Scale(int zoom) => zoom * 2;

        public int DrawNow(int x, int y) => Fetch(x, y).Length;
    }
}
