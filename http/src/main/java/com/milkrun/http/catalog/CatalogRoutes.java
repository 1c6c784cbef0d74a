package com.milkrun.http.catalog;

import com.milkrun.access.Capability;
import com.milkrun.catalog.ProductInput;
import com.milkrun.catalog.Shop;
import com.milkrun.catalog.VendorInput;
import com.milkrun.catalog.VendorPortal;
import com.milkrun.http.ApiResponse;
import com.milkrun.http.Body;
import com.milkrun.http.Call;
import com.milkrun.http.Responses;
import com.milkrun.http.Route;
import com.milkrun.http.Services;
import com.milkrun.http.JsonViews;
import java.util.List;

/** The public shop and the vendor portal. */
public final class CatalogRoutes {
    private final Shop shop;
    private final VendorPortal portal;

    public CatalogRoutes(Services services) {
        this.shop = services.shop();
        this.portal = services.vendorPortal();
    }

    public List<Route> routes() {
        return List.of(
                Route.open("GET", "/products", "ListProducts", this::browse),
                Route.open("GET", "/products/{productId}", "GetProduct", this::product),
                Route.open("GET", "/categories", "ListCategories", this::categories),
                Route.open("GET", "/vendors", "ListVendors", this::vendors),
                Route.open("GET", "/vendors/{vendorId}", "GetVendor", this::vendor),
                Route.secured("GET", "/vendor/profile", "GetVendorProfile", Capability.SELL, this::myVendor),
                Route.secured("PUT", "/vendor/profile", "SaveVendorProfile", Capability.SELL, this::saveMyVendor),
                Route.secured("GET", "/vendor/products", "ListVendorProducts", Capability.SELL, this::myProducts),
                Route.secured("POST", "/vendor/products", "AddProduct", Capability.SELL, this::addProduct),
                Route.secured("GET", "/vendor/products/{productId}", "GetVendorProduct", Capability.SELL, this::myProduct),
                Route.secured("PUT", "/vendor/products/{productId}", "UpdateProduct", Capability.SELL, this::updateProduct),
                Route.secured("PUT", "/vendor/products/{productId}/stock", "SetStock", Capability.SELL, this::setStock));
    }

    private ApiResponse browse(Call call) {
        var page = shop.browse(call.queryOrNull("q"), call.queryOrNull("category"), call.queryOrNull("vendorId"),
                call.queryOrNull("pincode"), call.page());
        return Responses.ok(JsonViews.page(page, CatalogViews::product));
    }

    private ApiResponse product(Call call) {
        return Responses.ok(CatalogViews.product(shop.product(call.path("productId"))));
    }

    private ApiResponse categories(Call call) {
        return Responses.ok(JsonViews.list(shop.categories(), CatalogViews::category));
    }

    private ApiResponse vendors(Call call) {
        return Responses.ok(JsonViews.page(shop.listedVendors(call.queryOrNull("pincode"), call.page()), CatalogViews::vendor));
    }

    private ApiResponse vendor(Call call) {
        return Responses.ok(CatalogViews.vendor(shop.listedVendor(call.path("vendorId"))));
    }

    private ApiResponse myVendor(Call call) {
        return Responses.ok(CatalogViews.vendorBackOffice(portal.myVendor(call.caller())));
    }

    private ApiResponse saveMyVendor(Call call) {
        Body body = call.body();
        var input = new com.milkrun.catalog.VendorInput(body.string("name"), body.string("description"),
                body.string("contactEmail"), body.string("contactPhone"), body.strings("pincodes"));
        body.throwIfWrongTypes();
        var saved = portal.saveMyVendor(call.caller(), input);
        return Responses.json(saved.created() ? 201 : 200, CatalogViews.vendorBackOffice(saved.vendor()));
    }

    private ApiResponse myProducts(Call call) {
        return Responses.ok(JsonViews.page(portal.myProducts(call.caller(), call.page()), CatalogViews::productWithStock));
    }

    private ApiResponse myProduct(Call call) {
        return Responses.ok(CatalogViews.productWithStock(portal.myProduct(call.caller(), call.path("productId"))));
    }

    private ApiResponse addProduct(Call call) {
        return Responses.created(CatalogViews.productWithStock(portal.addProduct(call.caller(), productInput(call.body()))));
    }

    private ApiResponse updateProduct(Call call) {
        ProductInput input = productInput(call.body());
        return Responses.ok(CatalogViews.productWithStock(portal.updateProduct(call.caller(), call.path("productId"), input)));
    }

    private ApiResponse setStock(Call call) {
        Body body = call.body();
        Integer stock = body.integer("stock");
        body.throwIfWrongTypes();
        return Responses.ok(CatalogViews.stock(portal.setStock(call.caller(), call.path("productId"), stock)));
    }

    private static ProductInput productInput(Body body) {
        ProductInput input = new ProductInput(body.string("name"), body.string("category"), body.string("unit"),
                body.decimal("price"), body.string("description"), body.string("imageUrl"), body.bool("active"),
                body.integer("stock"));
        body.throwIfWrongTypes();
        return input;
    }
}
